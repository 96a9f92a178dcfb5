import { z } from 'zod';

export const listSnapshotsInput = z.strictObject({ runId: z.uuid() });
