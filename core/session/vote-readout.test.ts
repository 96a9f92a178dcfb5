import { describe, expect, it } from 'vitest';
import { VoteReadout } from './vote-readout';

function present(readout: VoteReadout, counts: number[], label: number, learn = true): boolean {
  for (let k = 0; k < Math.max(...counts); k++) {
    readout.observe(Uint8Array.from(counts.map((c) => (k < c ? 1 : 0))));
  }
  return readout.endPresentation(label, learn);
}

describe('VoteReadout', () => {
  it('assigns each neuron its strongest class', () => {
    const readout = new VoteReadout(3, 2);
    present(readout, [4, 0, 1], 0);
    present(readout, [1, 3, 0], 1);

    // Neuron 0: 4 vs 1 -> class 0; neuron 1: 0 vs 3 -> class 1; neuron 2: 1 vs 0 -> class 0.
    expect(Array.from(readout.assignments())).toEqual([0, 1, 0]);
  });

  it('predicts before learning from the label', () => {
    const readout = new VoteReadout(2, 2);
    expect(present(readout, [3, 0], 0)).toBe(false);
    expect(present(readout, [0, 3], 1)).toBe(false);
    expect(present(readout, [5, 1], 0)).toBe(true);
    expect(present(readout, [1, 5], 0)).toBe(false);
    expect(readout.recentAccuracy()).toBe(0.25);
  });

  it('averages votes over each class', () => {
    // Class 0 has neurons 0 and 1, class 1 has neuron 2; counts 2+0 vs 1: mean 1 vs 1 ties to class 0,
    // counts 1+0 vs 1: mean 0.5 vs 1 gives class 1.
    const readout = new VoteReadout(3, 2);
    present(readout, [2, 2, 0], 0);
    present(readout, [0, 0, 2], 1);
    expect(present(readout, [2, 0, 1], 0, false)).toBe(true);
    expect(present(readout, [1, 0, 1], 1, false)).toBe(true);
  });

  it('keeps a bounded window of recent scores', () => {
    const readout = new VoteReadout(1, 2, 2);
    present(readout, [1], 0);
    present(readout, [1], 0);
    present(readout, [1], 1);
    // Window of 2: scores true (class 0 assigned) then false.
    expect(readout.recentAccuracy()).toBe(0.5);
    expect(readout.total).toBe(3);
  });
});
