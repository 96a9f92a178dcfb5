import { z } from 'zod';

import { MAX_SEED } from '../../../services/runs';
import { specSourceInput } from '../spec/validate.schema';

export const createRunInput = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('spec'), spec: specSourceInput }),
    z.strictObject({ kind: z.literal('cell'), notebookId: z.uuid(), cellId: z.string().min(1).max(64) }),
  ]),
  /** Random when omitted; the run stores it, so it can be replayed. */
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  /** Overrides the spec's `chip.mode`. */
  mode: z.enum(['fixed', 'float']).optional(),
  /** Length of the run; defaults to the length of the spec's data stream. */
  ticks: z.number().int().positive().optional(),
});
