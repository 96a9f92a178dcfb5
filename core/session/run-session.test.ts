/**
 * Reproducibility of runs: the same spec, seed and core version give bit-identical spikes and
 * weights whatever the chunk size, and after a stop and a resume from a checkpoint.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import type { Spec } from '../spec/schema';
import { decodeSafetensors } from '../snapshot/safetensors';
import { CORE_VERSION } from '../version';
import { RunSession, specHash } from './run-session';

/** 100 Poisson inputs at 20 Hz into 10 LIF neurons, with STDP on the input weights. */
function poissonSpec(mode: 'fixed' | 'float'): Spec {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'poisson-stdp',
    chip: { mode },
    dtMs: 1,
    populations: [
      { name: 'in', size: 100, kind: 'input' },
      {
        name: 'out',
        size: 10,
        neuron: { model: 'lif', registers: { du: 1000, dv: 200, vth: 60, refractory: 2 } },
      },
    ],
    projections: [
      {
        name: 'in-out',
        from: 'in',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: 0, high: 40 },
        wExp: 0,
        delay: 1,
        learning: { rule: 'stdp', aPlus: 2, aMinus: 2.2, tauPreMs: 20, tauPostMs: 20, wMin: 0, wMax: 100 },
      },
    ],
    stimulus: [{ population: 'in', encoder: { kind: 'poisson', maxRateHz: 20 } }],
    record: { spikes: ['in', 'out'] },
  });
}

interface Outcome {
  spikes: string;
  weights: number[];
}

/** Concatenates chunk rasters population by population, so chunking does not change the order. */
function joinRasters(chunks: { population: string; spikes: [number, number][] }[][]): string {
  const byPopulation = new Map<string, [number, number][]>();
  for (const raster of chunks.flat()) {
    byPopulation.set(raster.population, [...(byPopulation.get(raster.population) ?? []), ...raster.spikes]);
  }
  return JSON.stringify([...byPopulation.entries()]);
}

function runInChunks(spec: Spec, seed: number, chunk: number, ticks = 1000): Outcome {
  const session = RunSession.create(spec, { seed, ticks });
  const chunks = [];
  while (!session.done) chunks.push(session.advance(chunk).raster);
  return { spikes: joinRasters(chunks), weights: Array.from(session.simulator.weights[0]!) };
}

describe('F08 run reproducibility', () => {
  const spec = poissonSpec('fixed');
  const reference = runInChunks(spec, 1234, 1000);

  it('produces spikes and learns', () => {
    // 100 inputs at 20 Hz for 1 s emit about 2,000 spikes; the weights must have moved.
    const [input] = JSON.parse(reference.spikes) as [string, number[][]][];
    expect(input![1].length).toBeGreaterThan(1500);
    const initial = RunSession.create(spec, { seed: 1234, ticks: 1 }).simulator.weights[0]!;
    expect(reference.weights).not.toEqual(Array.from(initial));
  });

  it.each([1, 7, 1000])('gives identical results in chunks of %i ticks', (chunk) => {
    const outcome = runInChunks(spec, 1234, chunk);
    expect(outcome.spikes).toBe(reference.spikes);
    expect(outcome.weights).toEqual(reference.weights);
  });

  it('resumes bit for bit from a tick-500 checkpoint', () => {
    const first = RunSession.create(spec, { seed: 1234, ticks: 1000 });
    const before = first.advance(500).raster;
    const resumed = RunSession.resume(spec, first.checkpoint());
    const after = resumed.advance(500).raster;

    expect(resumed.tick).toBe(1000);
    expect(joinRasters([before, after])).toBe(reference.spikes);
    expect(Array.from(resumed.simulator.weights[0]!)).toEqual(reference.weights);
  });

  it('differs for seed 1235', () => {
    const other = runInChunks(spec, 1235, 1000);
    expect(other.spikes).not.toBe(reference.spikes);
  });

  it('accepts seed 0 and repeats it', () => {
    expect(runInChunks(spec, 0, 250)).toEqual(runInChunks(spec, 0, 1000));
  });

  it('is reproducible in float mode too', () => {
    const floatSpec = poissonSpec('float');
    const whole = runInChunks(floatSpec, 1234, 1000);
    const first = RunSession.create(floatSpec, { seed: 1234, ticks: 1000 });
    first.advance(333);
    const resumed = RunSession.resume(floatSpec, first.checkpoint());
    resumed.advance(1000);
    expect(Array.from(resumed.simulator.weights[0]!)).toEqual(whole.weights);
  });
});

describe('checkpoint', () => {
  it('carries the spec hash, tick, seed and core version', () => {
    const spec = poissonSpec('fixed');
    const session = RunSession.create(spec, { seed: 7, ticks: 100 });
    session.advance(40);
    const { metadata, tensors } = decodeSafetensors(session.checkpoint());

    expect(metadata['specHash']).toBe(specHash(spec));
    expect(metadata['tick']).toBe('40');
    expect(metadata['seed']).toBe('7');
    expect(metadata['coreVersion']).toBe(CORE_VERSION);
    // Named weights for numpy and PyTorch users: 100 x 10 dense synapses as int8 mantissas.
    expect(tensors['weights.in-out']!.data).toBeInstanceOf(Int8Array);
    expect(tensors['weights.in-out']!.data.length).toBe(1000);
  });

  it('refuses a checkpoint of another spec', () => {
    const session = RunSession.create(poissonSpec('fixed'), { seed: 7, ticks: 100 });
    expect(() => RunSession.resume(poissonSpec('float'), session.checkpoint())).toThrow(/belongs to spec/);
  });

  it('hashes specs independently of key order', () => {
    const spec = poissonSpec('fixed');
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as Spec;
    expect(specHash(reordered)).toBe(specHash(spec));
  });
});

describe('injected input', () => {
  it('applies injected spikes from the next tick', () => {
    const spec = parseSpec({
      apiVersion: 'livenet/v1',
      name: 'inject',
      dtMs: 1,
      populations: [
        { name: 'in', size: 2, kind: 'input' },
        { name: 'out', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 0, vth: 0 } } },
      ],
      projections: [
        {
          name: 'p',
          from: 'in',
          to: 'out',
          connectivity: { kind: 'dense' },
          weights: { values: [[1], [1]] },
          delay: 0,
        },
      ],
      stimulus: [{ population: 'in', spikes: [] }],
      record: { spikes: ['out'] },
    });
    const session = RunSession.create(spec, { seed: 1, ticks: 20 });
    session.advance(5);
    // Offset 2 from tick 6 is tick 8; the spike arrives at 9 and the neuron fires then.
    session.injectSpikes('in', [[2, 1]]);
    expect(session.advance(15).raster[0]!.spikes).toEqual([[9, 0]]);
    expect(() => session.injectSpikes('out', [[0, 0]])).toThrow(/not an input population/);
    expect(() => session.injectSpikes('in', [[0, 2]])).toThrow(/outside population/);
  });
});
