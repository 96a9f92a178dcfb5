import { describe, expect, it } from 'vitest';

import { image, sampleOrder } from '../data/mnist';
import { createCounters } from '../energy/counters';
import { diehlCookSpec } from './diehl-cook';
import type { FrozenPhase } from './frozen-vote';
import { runFrozen } from './frozen-vote';
import { retryQuietDigits } from './quiet-retry';

const SEED = 4;
const NEURONS = 10;

/** Returns a frozen layer with zero input weights: it never spikes, so every spike is an input's. */
function silentLayer(samples: number, indices?: number[]) {
  const spec = diehlCookSpec({
    neurons: NEURONS,
    samples,
    split: 'test',
    plastic: false,
    presentTicks: 1400,
    inputWeights: Array.from({ length: 784 }, () => new Array<number>(NEURONS).fill(0)),
  });
  if (indices !== undefined) spec.stimulus[0]!.data!.indices = indices;
  return { spec, layer: { population: 'exc', thresholdOffset: new Int32Array(NEURONS) } };
}

/** Returns a two-digit phase where digit 0 drew 10 layer spikes and digit 1 none. */
function firstShowing(): FrozenPhase {
  const counts = new Uint16Array(2 * NEURONS);
  counts[0] = 10;
  return { counts, labels: new Uint8Array(2), size: NEURONS, counters: createCounters() };
}

const pixelSum = (index: number) => image(index).reduce((sum, x) => sum + x, 0);

describe('retryQuietDigits', () => {
  it('retries a silent digit at rising rates', () => {
    const { spec, layer } = silentLayer(2);
    const retry = { minSpikes: 5, rateStepHz: 32, maxRetries: 2 };
    const { phase, retries } = retryQuietDigits(spec, SEED, layer, firstShowing(), retry);

    // Digit 1 stays silent, so it is shown at 63.75 + 32 and 63.75 + 64 Hz. Each 1,400-tick
    // showing (0.7 s) draws a mean of 0.7 * rate * S input spikes, S the digit's pixel sum.
    const mean = 0.7 * (95.75 + 127.75) * pixelSum(sampleOrder('test', SEED, 2)[1]!);
    expect(retries).toBe(2);
    expect(Math.abs(phase.counters.spikes - mean)).toBeLessThan(5 * Math.sqrt(mean));
    expect(phase.counts[0]).toBe(10);
    expect(phase.counts.slice(NEURONS).every((count) => count === 0)).toBe(true);
  });

  it('minSpikes 0 retries nothing', () => {
    const { spec, layer } = silentLayer(2);
    const retry = { minSpikes: 0, rateStepHz: 32, maxRetries: 2 };
    const { phase, retries } = retryQuietDigits(spec, SEED, layer, firstShowing(), retry);

    expect(retries).toBe(0);
    expect(phase.counters.spikes).toBe(0);
  });

  it('frozen run shows the listed digits', () => {
    // 1,903 is the first test digit of class 1 (indices 1,001..2,127, the last 225 are test
    // digits) and 801 the first test digit of class 0 (indices 0..1,000, the last 200).
    const { spec, layer } = silentLayer(2, [1903, 801]);
    const phase = runFrozen(spec, SEED, layer, () => {});

    expect(Array.from(phase.labels)).toEqual([1, 0]);
  });
});
