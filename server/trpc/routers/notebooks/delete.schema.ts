import { z } from 'zod';

export const deleteNotebookInput = z.strictObject({ notebookId: z.uuid() });
