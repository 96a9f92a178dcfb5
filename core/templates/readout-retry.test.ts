import { describe, expect, it } from 'vitest';

import { createCounters } from '../energy/counters';
import type { ReadoutRun } from './readout-run';
import { retryUnanswered } from './readout-retry';
import type { RstdpReadoutOptions } from './rstdp-readout';

const SEED = 2;
const NEURONS = 10;
const RETRY = { rateStepHz: 32, maxRetries: 2 };

/**
 * Returns a frozen readout over two test digits: 801, the first test digit of class 0 (indices
 * 0..1,000, the last 200 are test digits), and 1,903, the first of class 1 (1,001..2,127, the
 * last 225). Every output weight goes to class 1.
 */
function frozenReadout(inputWeight: number): RstdpReadoutOptions {
  return {
    features: {
      neurons: NEURONS,
      samples: 2,
      presentTicks: 100,
      indices: [801, 1903],
      inputWeights: Array.from({ length: 784 }, () => new Array<number>(NEURONS).fill(inputWeight)),
    },
    plastic: false,
    presentTicks: 100,
    readoutWeights: Array.from({ length: NEURONS }, () => [0, 127, 0, 0, 0, 0, 0, 0, 0, 0]),
  };
}

/** Returns a finished run that predicted class 3 for digit 0 and nothing for digit 1. */
function firstShowing(): ReadoutRun {
  return {
    accuracy: 0,
    readoutWeights: [],
    curve: [],
    unanswered: 1,
    answers: Int8Array.from([3, -1]),
    counters: createCounters(),
  };
}

describe('retryUnanswered', () => {
  it('answers a digit on its retry', () => {
    // Input weights of 1.0 make the layer spike within a few ticks, and each layer spike lifts
    // the class 1 output over its threshold of one weight, so the retry predicts class 1: right for
    // 1,903. Digit 0 keeps its wrong class 3.
    const offsets = new Int32Array(NEURONS);
    const { run, retries } = retryUnanswered(
      frozenReadout(127),
      firstShowing(),
      'test',
      2,
      SEED,
      offsets,
      RETRY,
    );

    expect(retries).toBe(1);
    expect(Array.from(run.answers)).toEqual([3, 1]);
    expect(run.accuracy).toBe(0.5);
    expect(run.unanswered).toBe(0);
  });

  it('stops after the last retry', () => {
    // Zero input weights leave the layer silent at any rate, so digit 1 is shown twice more.
    const offsets = new Int32Array(NEURONS);
    const { run, retries } = retryUnanswered(
      frozenReadout(0),
      firstShowing(),
      'test',
      2,
      SEED,
      offsets,
      RETRY,
    );

    expect(retries).toBe(2);
    expect(Array.from(run.answers)).toEqual([3, -1]);
    expect(run.unanswered).toBe(1);
  });

  it('rejects a plastic readout', () => {
    const plastic = { ...frozenReadout(0), plastic: true };
    expect(() =>
      retryUnanswered(plastic, firstShowing(), 'test', 2, SEED, new Int32Array(NEURONS), RETRY),
    ).toThrow('plastic: expected false, a frozen readout, got true');
  });
});
