import { z } from 'zod';

export const forkSnapshotInput = z.strictObject({ snapshotId: z.uuid() });
