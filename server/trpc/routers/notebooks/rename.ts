import { renameNotebook } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { renameNotebookInput } from './rename.schema';

export const rename = protectedProcedure
  .input(renameNotebookInput)
  .mutation(({ ctx, input }) =>
    renameNotebook(ctx.deps.db, ctx.caller.userId, input.notebookId, input.title),
  );
