import { z } from 'zod';

export const getNotebookInput = z.strictObject({ notebookId: z.uuid() });
