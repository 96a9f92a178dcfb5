import { saveNotebookCells } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';
import { saveCellsInput } from './save-cells.schema';

export const saveCells = protectedProcedure
  .input(saveCellsInput)
  .mutation(({ ctx, input }) => saveNotebookCells(ctx.deps.db, ctx.caller.userId, input));
