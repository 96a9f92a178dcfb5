import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseSpec } from '../spec/parse';
import type { Spec } from '../spec/schema';
import { RunSession } from './run-session';
import { runLength, streamLength } from './run-length';

type Stimulus = Record<string, unknown>;

/** 784 pixel inputs and 2 cue inputs into one LIF neuron, driven by the given stimuli. */
function specWith(stimulus: Stimulus[]): Spec {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'run-length',
    chip: { mode: 'fixed' },
    dtMs: 1,
    populations: [
      { name: 'in', size: 784, kind: 'input' },
      { name: 'cue', size: 2, kind: 'input' },
      { name: 'out', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 0, vth: 100 } } },
    ],
    projections: [
      {
        name: 'in-out',
        from: 'in',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'constant', value: 1 },
        wExp: 0,
        delay: 0,
      },
      {
        name: 'cue-out',
        from: 'cue',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'constant', value: 1 },
        wExp: 0,
        delay: 0,
      },
    ],
    stimulus,
  });
}

function mnist(samples: number, presentTicks: number, restTicks?: number): Stimulus {
  return {
    population: 'in',
    encoder: { kind: 'poisson', maxRateHz: 50 },
    data: {
      dataset: 'mnist',
      split: 'train',
      samples,
      presentTicks,
      ...(restTicks === undefined ? {} : { restTicks }),
    },
  };
}

const constantDrive: Stimulus = { population: 'cue', encoder: { kind: 'poisson', maxRateHz: 5 } };
const spikeList: Stimulus = { population: 'cue', spikes: [[1, 0]] };

describe('runLength', () => {
  it('data stream gives samples times period', () => {
    expect(runLength(specWith([mnist(3, 700, 300)]))).toBe(3_000);
  });

  it('rest ticks default to zero', () => {
    expect(runLength(specWith([mnist(4, 25)]))).toBe(100);
  });

  it('ticks option overrides the stream', () => {
    expect(runLength(specWith([mnist(3, 700, 300)]), { ticks: 50 })).toBe(50);
  });

  it('spike list before data is skipped', () => {
    expect(runLength(specWith([spikeList, mnist(2, 10, 5)]))).toBe(30);
  });

  it('constant drive first needs ticks', () => {
    expect(() => runLength(specWith([constantDrive, mnist(2, 10, 5)]))).toThrow(RangeError);
  });

  it('spike list alone needs ticks', () => {
    expect(() => runLength(specWith([spikeList]))).toThrow(/set ticks to a positive integer/);
  });

  it('spike list with ticks uses them', () => {
    expect(runLength(specWith([spikeList]), { ticks: 7 })).toBe(7);
  });

  it('zero and fractional ticks are rejected', () => {
    const spec = specWith([spikeList]);

    expect(() => runLength(spec, { ticks: 0 })).toThrow(/got 0/);
    expect(() => runLength(spec, { ticks: 1.5 })).toThrow(/got 1.5/);
  });

  it('streamLength is null without data', () => {
    expect(streamLength(specWith([constantDrive]))).toBeNull();
  });

  it('matches the session length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        (samples, presentTicks, restTicks, ticks) => {
          const spec = specWith([spikeList, mnist(samples, presentTicks, restTicks)]);
          const options = ticks === undefined ? {} : { ticks };
          const session = RunSession.create(spec, { seed: 1, ...options });

          expect(runLength(spec, options)).toBe(session.totalTicks);
        },
      ),
      { numRuns: 15 },
    );
  });
});
