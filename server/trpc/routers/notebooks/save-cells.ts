import { assertNotebookWithinLimit } from '../../../services/notebook-limits';
import { saveNotebookCells } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { saveCellsInput } from './save-cells.schema';

export const saveCells = protectedProcedure.input(saveCellsInput).mutation(({ ctx, input }) => {
  assertNotebookWithinLimit(input.cells, ctx.deps.env.LIVENET_MAX_NOTEBOOK_BYTES);
  return saveNotebookCells(ctx.deps.db, ctx.caller.userId, input);
});
