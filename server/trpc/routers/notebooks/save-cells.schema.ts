import { z } from 'zod';

import { cellsSchema } from '../../../services/notebook-cells';

export const saveCellsInput = z.strictObject({
  notebookId: z.uuid(),
  /** The version the client's cells were based on; a newer stored version is a conflict. */
  baseVersion: z.number().int().min(1),
  cells: cellsSchema,
});
