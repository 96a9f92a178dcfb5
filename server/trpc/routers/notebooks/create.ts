import { createNotebook } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { createNotebookInput } from './create.schema';

export const create = protectedProcedure
  .input(createNotebookInput)
  .mutation(({ ctx, input }) => createNotebook(ctx.deps.db, ctx.caller.userId, input));
