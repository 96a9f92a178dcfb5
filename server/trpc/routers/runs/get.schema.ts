import { z } from 'zod';

export const runIdInput = z.strictObject({ runId: z.uuid() });
