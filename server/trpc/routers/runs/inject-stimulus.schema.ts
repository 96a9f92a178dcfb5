import { z } from 'zod';

const MAX_SPIKES = 10_000;
const MAX_TICK_OFFSET = 100_000;

export const injectStimulusInput = z.strictObject({
  runId: z.uuid(),
  /** An input population of the run's spec. */
  population: z.string().min(1).max(64),
  /** `[tickOffset, neuron]` pairs; offset 0 is the first tick after the worker applies them. */
  spikes: z
    .array(z.tuple([z.number().int().min(0).max(MAX_TICK_OFFSET), z.number().int().min(0)]))
    .min(1)
    .max(MAX_SPIKES),
});
