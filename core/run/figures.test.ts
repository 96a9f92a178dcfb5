import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { compile } from '../compile/compile';
import { createCounters } from '../energy/counters';
import { runFigures } from './figures';

describe('runFigures', () => {
  const spec = parseSpec({
    apiVersion: 'livenet/v1',
    name: 'figures',
    dtMs: 1,
    populations: [
      { name: 'in', size: 4, kind: 'input' },
      { name: 'out', size: 2, neuron: { model: 'lif', registers: { du: 0, dv: 0, vth: 1 } } },
    ],
    projections: [
      {
        name: 'p',
        from: 'in',
        to: 'out',
        connectivity: {
          kind: 'list',
          pairs: [
            [0, 0],
            [1, 1],
            [2, 0],
          ],
        },
        weights: { values: [1, 1, 1] },
        delay: 2,
      },
    ],
  });

  it('counts bytes, sparsity and ops by hand', () => {
    const counters = { ...createCounters(), synapticOps: 30, denseOps: 80 };
    const figures = runFigures(compile(spec, { seed: 1, mode: 'fixed' }), counters, {
      neuronSpikes: 5,
      ticks: 10,
      samples: 2,
    });

    // 3 int8 weights; (4 + 1 + 3) int32 CSR entries = 32 bytes; 2 neurons x 13 bytes;
    // a ring of 2 + 2 slots over 6 neurons of int32 = 96 bytes.
    expect(figures.footprint.weightsBytes).toBe(3);
    expect(figures.footprint.connectivityBytes).toBe(32);
    expect(figures.footprint.neuronStateBytes).toBe(26);
    expect(figures.footprint.delayRingBytes).toBe(96);
    // 3 of 8 possible synapses exist.
    expect(figures.connectionSparsity).toBeCloseTo(1 - 3 / 8, 12);
    // 5 spikes over 2 neurons x 10 ticks.
    expect(figures.activationSparsity).toBeCloseTo(1 - 5 / 20, 12);
    expect(figures.synapticOpsPerSample).toEqual({
      effectiveAccumulates: 15,
      effectiveMultiplyAccumulates: 0,
      dense: 40,
    });
  });
});
