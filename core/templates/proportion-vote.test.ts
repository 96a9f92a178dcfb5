import { describe, expect, it } from 'vitest';
import { createCounters } from '../energy/counters';
import type { FrozenPhase } from './frozen-vote';
import { classProportions, proportionAccuracy } from './proportion-vote';

/** Builds a phase of two neurons from per-digit spike counts. */
function phase(rows: number[][], labels: number[]): FrozenPhase {
  return {
    counts: Uint16Array.from(rows.flat()),
    labels: Uint8Array.from(labels),
    size: 2,
    counters: createCounters(),
  };
}

describe('proportion vote', () => {
  // Neuron 0 fires 4 spikes on class 0 and 4 on class 1. Neuron 1 fires 6 on class 1 only.
  const labelling = phase(
    [
      [4, 0],
      [4, 6],
      [0, 0],
    ],
    [0, 1, 2],
  );

  it('proportions split by mean response', () => {
    // Neuron 0: rates 4, 4, 0 give 0.5, 0.5, 0. Neuron 1: rates 0, 6, 0 give 0, 1, 0.
    expect(Array.from(classProportions(labelling, 3))).toEqual([0.5, 0.5, 0, 0, 1, 0]);
  });

  it('shared neuron splits its vote', () => {
    // Scores of [3, 1]: class 0 gets 1.5, class 1 gets 1.5 + 1 = 2.5, so class 1 wins.
    expect(proportionAccuracy(labelling, phase([[3, 1]], [1]), 3)).toBe(1);
    expect(proportionAccuracy(labelling, phase([[3, 1]], [0]), 3)).toBe(0);
  });

  it('silent digit counts as wrong', () => {
    expect(proportionAccuracy(labelling, phase([[0, 0]], [2]), 3)).toBe(0);
  });
});
