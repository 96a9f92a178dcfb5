import { z } from 'zod';

import { cellsSchema } from '../../../services/notebook-cells';

export const notebookTitle = z.string().trim().min(1, 'must not be empty').max(200);

export const createNotebookInput = z.strictObject({
  title: notebookTitle,
  cells: cellsSchema.optional(),
});
