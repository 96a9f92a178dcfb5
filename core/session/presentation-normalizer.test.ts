import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import type { Spec } from '../spec/schema';
import { RunSession } from './run-session';

/** 784 Poisson pixel inputs into 2 neurons, STDP normalised to a weight sum of 100. */
function normalisedSpec(withData: boolean): Spec {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'normalised',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'in', size: 784, kind: 'input' },
      { name: 'out', size: 2, neuron: { model: 'lif', registers: { du: 4095, dv: 100, vth: 5 } } },
    ],
    projections: [
      {
        name: 'in-out',
        from: 'in',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: 0, high: 1 },
        learning: {
          rule: 'stdp',
          aPlus: 0.5,
          aMinus: 0.1,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: 10,
          normalize: { sum: 100 },
        },
      },
    ],
    stimulus: [
      {
        population: 'in',
        encoder: { kind: 'poisson', maxRateHz: 200 },
        ...(withData
          ? { data: { dataset: 'mnist', split: 'train', samples: 3, presentTicks: 20, restTicks: 10 } }
          : {}),
      },
    ],
  });
}

function columnSums(session: RunSession): number[] {
  const sums = [0, 0];
  session.simulator.weights[0]!.forEach((w, s) => (sums[s % 2]! += w));
  return sums;
}

describe('presentation normaliser', () => {
  it('normalises before the first tick', () => {
    const session = RunSession.create(normalisedSpec(true), { seed: 1 });
    const [a, b] = columnSums(session);
    expect(a).toBeCloseTo(100, 9);
    expect(b).toBeCloseTo(100, 9);
  });

  it('normalises after each presentation', () => {
    const session = RunSession.create(normalisedSpec(true), { seed: 1 });
    session.advance(30);
    const [a, b] = columnSums(session);
    expect(a).toBeCloseTo(100, 9);
    expect(b).toBeCloseTo(100, 9);
  });

  it('learning moves sums between presentations', () => {
    // STDP changes weights during the digit; the sum returns to 100 only at its end.
    const session = RunSession.create(normalisedSpec(true), { seed: 1 });
    session.advance(25);
    expect(Math.abs(columnSums(session)[0]! - 100)).toBeGreaterThan(1e-6);
  });

  it('rejects normalisation without data', () => {
    expect(() => RunSession.create(normalisedSpec(false), { seed: 1, ticks: 10 })).toThrow(
      'learning.normalize: weights are normalised after each data presentation; add a stimulus with data',
    );
  });
});
