import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { compile } from '../compile/compile';
import { convertProgram, findFirstDivergence } from './replay';

function biasedNeuron(dv: number, vth: number, mode: 'fixed' | 'float' = 'fixed') {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'biased',
    chip: { mode },
    dtMs: 1,
    populations: [
      {
        name: 'n',
        size: 1,
        neuron: { model: 'lif', registers: { du: 4095, dv, vth, biasMant: 1, biasExp: 6 } },
      },
    ],
    projections: [],
  });
}

describe('first divergence', () => {
  it('finds none when both modes are exact', () => {
    // dv = 0 means no leak in either mode, so v = 64 t exactly and both modes fire at the same ticks.
    expect(findFirstDivergence(biasedNeuron(0, 100), { seed: 1, ticks: 500 })).toBeNull();
  });

  it('finds the tick where truncation delays a spike', () => {
    // dv = 1: fixed v loses trunc0's remainder each tick (v - 1 + 64 while v < 4096, then v - 2 + 64),
    // so v = 4096 at tick 65 and 4096 + 62 (t - 65), first above 6400 at t = 103. Float v is
    // 64 (1 - f^t) / (1 - f) with f = 4095/4096: 6385.6 at t = 101 and 6447.9 at t = 102.
    expect(findFirstDivergence(biasedNeuron(1, 100), { seed: 1, ticks: 200 })).toEqual({
      tick: 102,
      population: 'n',
      neuron: 0,
      spikedInRunMode: false,
    });
  });

  it('works from float runs too', () => {
    expect(findFirstDivergence(biasedNeuron(1, 100, 'float'), { seed: 1, ticks: 200 })).toEqual({
      tick: 102,
      population: 'n',
      neuron: 0,
      spikedInRunMode: true,
    });
  });
});

describe('convertProgram', () => {
  const spec = parseSpec({
    apiVersion: 'livenet/v1',
    name: 'weights',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'a', size: 4, kind: 'input' },
      { name: 'b', size: 1, neuron: { model: 'lif', registers: { du: 0, dv: 0, vth: 1 } } },
    ],
    projections: [
      {
        name: 'ab',
        from: 'a',
        to: 'b',
        connectivity: { kind: 'dense' },
        weights: { values: [[2.5], [-2.5], [300], [-0.4]] },
      },
    ],
  });

  it('rounds half away from zero and clamps to int8', () => {
    const fixed = convertProgram(compile(spec, { seed: 1, mode: 'float' }), 'fixed');
    expect(Array.from(fixed.projections[0]!.weights)).toEqual([3, -3, 127, 0]);
    expect(fixed.projections[0]!.weights).toBeInstanceOf(Int8Array);
  });
});
