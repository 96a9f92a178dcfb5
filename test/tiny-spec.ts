/**
 * A tiny network for platform tests: two input neurons driving one LIF neuron, with a fixed
 * stimulus and no data stream, so every run needs an explicit length in ticks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const TINY_SPEC: unknown = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '..', 'examples', 'pair.json'), 'utf8'),
);
