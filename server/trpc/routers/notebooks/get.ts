import { getNotebook } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { getNotebookInput } from './get.schema';

export const get = protectedProcedure
  .input(getNotebookInput)
  .query(({ ctx, input }) => getNotebook(ctx.deps.db, ctx.caller.userId, input.notebookId));
