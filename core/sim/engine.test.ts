/**
 * The WebAssembly and TypeScript kernels of fixed mode give bit-identical runs, on LIF and ALIF
 * populations driven by Poisson input through plastic and frozen projections.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { compile } from '../compile/compile';
import { Simulator } from './simulator';
import { buildStimuli } from './build-stimuli';

const spec = parseSpec({
  apiVersion: 'livenet/v1',
  name: 'engines',
  dtMs: 1,
  populations: [
    { name: 'in', size: 50, kind: 'input' },
    {
      name: 'lif',
      size: 37,
      neuron: { model: 'lif', registers: { du: 800, dv: 300, vth: 40, refractory: 1 } },
    },
    {
      name: 'alif',
      size: 13,
      neuron: { model: 'alif', registers: { du: 800, dv: 300, vth: 30, dThreshold: 100, adaptInc: 10 } },
    },
  ],
  projections: [
    {
      name: 'in-lif',
      from: 'in',
      to: 'lif',
      connectivity: { kind: 'sparse', p: 0.5 },
      weights: { init: 'uniform', low: -20, high: 60 },
      delay: 2,
      learning: { rule: 'stdp', aPlus: 1, aMinus: 1.1, tauPreMs: 10, tauPostMs: 10, wMin: -64, wMax: 100 },
    },
    {
      name: 'lif-alif',
      from: 'lif',
      to: 'alif',
      connectivity: { kind: 'dense' },
      weights: { init: 'uniform', low: -30, high: 50 },
    },
    {
      name: 'alif-lif',
      from: 'alif',
      to: 'lif',
      connectivity: { kind: 'dense' },
      weights: { init: 'constant', value: -20 },
      delay: 5,
    },
  ],
  stimulus: [{ population: 'in', encoder: { kind: 'poisson', maxRateHz: 50 } }],
});

function run(engine: 'wasm' | 'ts') {
  const program = compile(spec, { seed: 99, mode: 'fixed' });
  const simulator = new Simulator(program, { seed: 99, stimuli: buildStimuli(program, 99), engine });
  const spikes: number[] = [];
  for (let t = 0; t < 800; t++) {
    simulator.step();
    simulator.spiked.forEach((s, g) => {
      if (s === 1) spikes.push(simulator.tick, g);
    });
  }
  return {
    engine: simulator.engine,
    spikes,
    weights: Array.from(simulator.weights[0]!),
    counters: simulator.counters,
  };
}

describe('fixed-mode engines', () => {
  it('are bit-identical over 800 ticks', () => {
    const wasm = run('wasm');
    const ts = run('ts');
    expect(wasm.engine).toBe('wasm');
    expect(ts.engine).toBe('ts');
    // The network must be active for the comparison to mean anything.
    expect(ts.spikes.length / 2).toBeGreaterThan(1000);
    expect(wasm.spikes).toEqual(ts.spikes);
    expect(wasm.weights).toEqual(ts.weights);
    expect(wasm.counters).toEqual(ts.counters);
  });
});
