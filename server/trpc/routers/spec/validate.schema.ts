import { z } from 'zod';

import { MAX_SEED } from '../../../services/runs';

/** A spec as YAML text (a notebook cell) or as a JSON value (a script). */
export const specSourceInput = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('yaml'), text: z.string().max(1_000_000) }),
  z.strictObject({ format: z.literal('json'), value: z.unknown() }),
]);

export const validateSpecInput = z.strictObject({
  source: specSourceInput,
  seed: z.number().int().min(0).max(MAX_SEED).default(0),
  mode: z.enum(['fixed', 'float']).optional(),
});
