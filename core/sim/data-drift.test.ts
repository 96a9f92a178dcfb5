/**
 * The spec's `data.drift`: the encoder receives clean digits before `fromSample` and drifted ones
 * from it on, and a drifted run repeats bit for bit in chunks and after a resume.
 */
import { describe, expect, it } from 'vitest';

import { compile } from '../compile/compile';
import { image } from '../data/mnist';
import { RunSession } from '../session/run-session';
import { parseSpec } from '../spec/parse';
import type { Spec } from '../spec/schema';
import { buildStimuli } from './build-stimuli';
import type { DataStimulus } from './data-stimulus';

const PRESENT = 11;
const FROM_SAMPLE = 2;

/** 784 latency-coded inputs, 4 digits of 11 ticks, drifted from sample 2 on. */
function latencySpec(): Spec {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'latency-drift',
    dtMs: 1,
    populations: [{ name: 'px', size: 784, kind: 'input' }],
    stimulus: [
      {
        population: 'px',
        encoder: { kind: 'latency' },
        data: {
          dataset: 'mnist',
          split: 'train',
          samples: 4,
          presentTicks: PRESENT,
          drift: { fromSample: FROM_SAMPLE, contrast: 0.5, shiftX: 3, shiftY: 0 },
        },
      },
    ],
  });
}

/** Firing step of each input during each sample, -1 for none. */
function firingSteps(spec: Spec): { steps: Int32Array[]; stimulus: DataStimulus } {
  const program = compile(spec, { seed: 3 });
  const stimulus = buildStimuli(program, 3)[0] as DataStimulus;
  const spiked = new Uint8Array(784);
  const steps: Int32Array[] = [];

  for (let sample = 0; sample < 4; sample++) {
    const first = new Int32Array(784).fill(-1);
    for (let step = 0; step < PRESENT; step++) {
      stimulus.fill(sample * PRESENT + step + 1, spiked);
      for (let i = 0; i < 784; i++) if (spiked[i] === 1 && first[i] === -1) first[i] = step;
    }
    steps.push(first);
  }
  return { steps, stimulus };
}

/** Latency step round((1 - x) * 10) of each pixel, clean or drifted by hand. */
function expectedSteps(datasetIndex: number, drifted: boolean): Int32Array {
  const pixels = image(datasetIndex);
  let sum = 0;
  for (const value of pixels) sum += value;
  const mean = sum / 784;

  return Int32Array.from({ length: 784 }, (_, i) => {
    const row = Math.floor(i / 28);
    const column = i % 28;
    let value = pixels[i]!;
    if (drifted) {
      // Contrast halved around the mean, and 3 pixels to the right: columns 0..2 are vacated.
      value = column < 3 ? 0 : Math.fround(mean + 0.5 * (pixels[row * 28 + column - 3]! - mean));
    }
    return Math.round((1 - value) * (PRESENT - 1));
  });
}

describe('data drift in the stimulus', () => {
  const { steps, stimulus } = firingSteps(latencySpec());

  it.each([0, 1])('shows clean sample %i', (sample) => {
    const expected = expectedSteps(stimulus.datasetIndexOfSample(sample), false);
    expect(Array.from(steps[sample]!)).toEqual(Array.from(expected));
  });

  it.each([2, 3])('shows drifted sample %i', (sample) => {
    const expected = expectedSteps(stimulus.datasetIndexOfSample(sample), true);
    expect(Array.from(steps[sample]!)).toEqual(Array.from(expected));
  });

  it('drift changes the firing', () => {
    const clean = expectedSteps(stimulus.datasetIndexOfSample(FROM_SAMPLE), false);
    expect(Array.from(steps[FROM_SAMPLE]!)).not.toEqual(Array.from(clean));
    // A black background pixel fires last when clean, and near the middle at contrast 0.5.
    expect(steps[0]![0]).toBe(PRESENT - 1);
    expect(steps[FROM_SAMPLE]![0]).toBe(PRESENT - 1);
    expect(steps[FROM_SAMPLE]![27]).toBeLessThan(PRESENT - 1);
  });
});

/**
 * 784 Poisson inputs into 10 LIF neurons with STDP inside an envelope, 6 digits of 40 ticks,
 * drifted from sample 3 (tick 121), and plastic until tick 150.
 */
function learningSpec(drift: boolean): Spec {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'drift-run',
    dtMs: 1,
    populations: [
      { name: 'px', size: 784, kind: 'input' },
      {
        name: 'out',
        size: 10,
        neuron: { model: 'lif', registers: { du: 1000, dv: 200, vth: 60, refractory: 2 } },
      },
    ],
    projections: [
      {
        name: 'px-out',
        from: 'px',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: 0, high: 20 },
        learning: {
          rule: 'stdp',
          aPlus: 2,
          aMinus: 2.2,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: 100,
          envelope: { driftBudget: 50, windowTicks: 20, plasticUntilTick: 150 },
        },
      },
    ],
    stimulus: [
      {
        population: 'px',
        encoder: { kind: 'poisson', maxRateHz: 200 },
        data: {
          dataset: 'mnist',
          split: 'train',
          samples: 6,
          presentTicks: 30,
          restTicks: 10,
          ...(drift ? { drift: { fromSample: 3, contrast: 0.5, shiftX: 3, shiftY: 0 } } : {}),
        },
      },
    ],
    record: { spikes: ['px', 'out'] },
  });
}

interface Outcome {
  spikes: string;
  events: string;
  weights: number[];
}

function runInChunks(spec: Spec, chunk: number): Outcome {
  const session = RunSession.create(spec, { seed: 5 });
  const spikes: [string, [number, number][]][] = [];
  const events: unknown[] = [];
  while (!session.done) {
    const report = session.advance(chunk);
    for (const raster of report.raster) spikes.push([raster.population, raster.spikes]);
    events.push(...report.events);
  }
  return {
    spikes: flatten(spikes),
    events: JSON.stringify(events),
    weights: Array.from(session.simulator.weights[0]!),
  };
}

/** Joins chunk rasters population by population, so the chunk size does not change the order. */
function flatten(rasters: [string, [number, number][]][]): string {
  const byPopulation = new Map<string, [number, number][]>();
  for (const [population, spikes] of rasters) {
    byPopulation.set(population, [...(byPopulation.get(population) ?? []), ...spikes]);
  }
  return JSON.stringify([...byPopulation.entries()]);
}

describe('drifted run reproducibility', () => {
  const spec = learningSpec(true);
  const reference = runInChunks(spec, 240);

  it('drift reaches the run', () => {
    expect(runInChunks(learningSpec(false), 240).spikes).not.toBe(reference.spikes);
  });

  it.each([1, 7, 33])('is identical in chunks of %i ticks', (chunk) => {
    const outcome = runInChunks(spec, chunk);
    expect(outcome.spikes).toBe(reference.spikes);
    expect(outcome.events).toBe(reference.events);
    expect(outcome.weights).toEqual(reference.weights);
  });

  it('closes the plasticity window at 151', () => {
    const events = JSON.parse(reference.events) as { tick: number; kind: string }[];
    expect(events[0]).toMatchObject({ tick: 151, kind: 'plasticity-changed' });
    expect(events.slice(1).every((event) => event.kind === 'refused-update')).toBe(true);
    // At most one refusal per 20-tick window, for the windows from tick 140 to 220.
    expect(events.length).toBeLessThanOrEqual(1 + 6);
    expect(events.length).toBeGreaterThan(1);
  });

  // Tick 130 is the tenth tick of sample 3, the first drifted one, and tick 170 lies inside
  // the closed plasticity window.
  it.each([130, 170])('resumes from tick %i bit for bit', (tick) => {
    const first = RunSession.create(spec, { seed: 5 });
    const before = first.advance(tick);
    const resumed = RunSession.resume(spec, first.checkpoint());
    const after = resumed.advance(240 - tick);

    expect(resumed.tick).toBe(240);
    const rasters = [...before.raster, ...after.raster].map((raster): [string, [number, number][]] => [
      raster.population,
      raster.spikes,
    ]);
    expect(flatten(rasters)).toBe(reference.spikes);
    expect(JSON.stringify([...before.events, ...after.events])).toBe(reference.events);
    expect(Array.from(resumed.simulator.weights[0]!)).toEqual(reference.weights);
  });
});
