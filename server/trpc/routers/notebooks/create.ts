import { assertNotebookWithinLimit } from '../../../services/notebook-limits';
import { createNotebook } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { createNotebookInput } from './create.schema';

export const create = protectedProcedure.input(createNotebookInput).mutation(({ ctx, input }) => {
  assertNotebookWithinLimit(input.cells ?? [], ctx.deps.env.LIVENET_MAX_NOTEBOOK_BYTES);
  return createNotebook(ctx.deps.db, ctx.caller.userId, input);
});
