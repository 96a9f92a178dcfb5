import { z } from 'zod';

export const listRunsInput = z.strictObject({
  notebookId: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.uuid().optional(),
});
