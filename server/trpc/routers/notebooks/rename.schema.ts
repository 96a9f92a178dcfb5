import { z } from 'zod';

import { notebookTitle } from './create.schema';

export const renameNotebookInput = z.strictObject({ notebookId: z.uuid(), title: notebookTitle });
