import { deleteNotebook } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { deleteNotebookInput } from './delete.schema';

export const remove = protectedProcedure.input(deleteNotebookInput).mutation(async ({ ctx, input }) => {
  await deleteNotebook(ctx.deps.db, ctx.caller.userId, input.notebookId);
  return { notebookId: input.notebookId };
});
