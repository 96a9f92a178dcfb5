import { z } from 'zod';

export const shareRunInput = z.strictObject({ runId: z.uuid() });
