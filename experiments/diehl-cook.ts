/**
 * Task 1: unsupervised STDP on Poisson-encoded digits (Diehl and Cook 2015).
 *
 * Phases, each a run of its own:
 *   1. train: the plastic network sees `samples` training digits in a seeded order;
 *   2. label: a frozen copy (trained weights and threshold offsets, no plasticity, no threshold
 *      growth) sees `labelSamples` training digits, and each neuron is labelled with the class
 *      it answers most;
 *   3. test: the frozen copy sees the test digits and votes.
 * The learning curve is the training run's own vote accuracy: each digit is predicted before its
 * label updates the neurons' classes, over the last 100 digits.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { addCounters, createCounters } from '../core/energy/counters';
import type { Counters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import { RunSession } from '../core/session/run-session';
import type { DiehlCookOptions } from '../core/templates/diehl-cook';
import { diehlCookSpec } from '../core/templates/diehl-cook';
import type { FrozenPhase } from './frozen-vote';
import { runFrozen, voteAccuracy } from './frozen-vote';
import type { CurvePoint, ExperimentOptions, ExperimentResult } from './types';

/** Where trained layers are kept between runs (git ignores `.data/`). */
export const CACHE_DIRECTORY = '.data/experiments';

/** Template options a run may override with `--param name=value`. */
const TUNABLE = [
  'thetaDecay',
  'thresholdMv',
  'tauMemMs',
  'thetaMv',
  'inhibitionMv',
  'weightSum',
  'maxRateHz',
  'aPlus',
  'aMinus',
  'initialWeightMax',
] as const;

export interface TrainedDiehlCook {
  /** Input weights `[input][neuron]` on the mantissa scale. */
  inputWeights: number[][];
  thresholdOffset: Int32Array | Float64Array;
  curve: CurvePoint[];
  counters: Counters;
}

/** Picks the template options named in `TUNABLE` out of `params`. */
export function templateParams(params: Record<string, number>): Partial<DiehlCookOptions> {
  const out: Partial<Record<(typeof TUNABLE)[number], number>> = {};
  for (const [name, value] of Object.entries(params)) {
    if (!(TUNABLE as readonly string[]).includes(name)) {
      throw new RangeError(`--param ${name}: unknown; expected one of ${TUNABLE.join(', ')}`);
    }
    out[name as (typeof TUNABLE)[number]] = value;
  }
  return out;
}

/** Trains the plastic network and returns what the frozen copy needs. */
export function trainDiehlCook(
  base: Omit<DiehlCookOptions, 'samples' | 'split' | 'plastic'>,
  samples: number,
  seed: number,
  progress: (done: number, total: number) => void,
): TrainedDiehlCook {
  const session = RunSession.create(diehlCookSpec({ ...base, samples, split: 'train' }), { seed });
  const curve: CurvePoint[] = [];
  const ticksPerSample = session.totalTicks / samples;

  // Chunks of 100 digits: the curve gets one point per chunk, the bar a step per chunk.
  while (!session.done) {
    const report = session.advance(100 * ticksPerSample);
    if (report.accuracy !== null) curve.push({ samples: report.samplesDone, accuracy: report.accuracy });
    progress(report.samplesDone, samples);
  }

  const exc = session.program.populations.find((p) => p.name === 'exc')!;
  const weights = session.simulator.weights[0]!;
  const inputWeights = Array.from({ length: 784 }, (_, i) =>
    Array.from(weights.subarray(i * exc.size, (i + 1) * exc.size)),
  );
  const state = session.simulator.captureState();
  const thresholdOffset = state[`neurons.${exc.index}.thresholdOffset`] as Int32Array | Float64Array;
  return { inputWeights, thresholdOffset, curve, counters: { ...session.simulator.counters } };
}

const cachedFeaturesSchema = z.object({
  inputWeights: z.array(z.array(z.number())),
  thresholdOffset: z.array(z.number()),
  curve: z.array(z.object({ samples: z.number(), accuracy: z.number() })),
});

/**
 * Returns the trained layer for these options, from `.data/experiments/` when an earlier run
 * trained the same one (same options, samples and seed), else trains and stores it there.
 */
export function cachedDiehlCook(
  base: Omit<DiehlCookOptions, 'samples' | 'split' | 'plastic'>,
  samples: number,
  seed: number,
  progress: (done: number, total: number) => void,
): TrainedDiehlCook {
  const key = createHash('sha256')
    .update(JSON.stringify({ format: 1, base, samples, seed }))
    .digest('hex')
    .slice(0, 16);
  const path = join(CACHE_DIRECTORY, `diehl-cook-${key}.json`);
  if (existsSync(path)) {
    const cached = cachedFeaturesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const offsets =
      (base.mode ?? 'fixed') === 'fixed'
        ? Int32Array.from(cached.thresholdOffset)
        : Float64Array.from(cached.thresholdOffset);
    return { ...cached, thresholdOffset: offsets, counters: createCounters() };
  }

  const trained = trainDiehlCook(base, samples, seed, progress);
  mkdirSync(CACHE_DIRECTORY, { recursive: true });
  writeFileSync(
    path,
    JSON.stringify({
      inputWeights: trained.inputWeights,
      thresholdOffset: Array.from(trained.thresholdOffset),
      curve: trained.curve,
    }),
  );
  return trained;
}

/** Scores a trained network on `labelSamples` training digits and `testSamples` test digits. */
export function scoreDiehlCook(
  base: Omit<DiehlCookOptions, 'samples' | 'split' | 'plastic'>,
  trained: TrainedDiehlCook,
  labelSamples: number,
  testSamples: number,
  seed: number,
  progress: (phase: string, done: number, total: number) => void,
): { accuracy: number; labelling: FrozenPhase; test: FrozenPhase } {
  const frozen = { ...base, plastic: false, inputWeights: trained.inputWeights };
  const layer = { population: 'exc', thresholdOffset: trained.thresholdOffset };
  const labelling = runFrozen(
    diehlCookSpec({ ...frozen, samples: labelSamples, split: 'train' }),
    seed,
    layer,
    (done, total) => progress('label', done, total),
  );
  const test = runFrozen(
    diehlCookSpec({ ...frozen, samples: testSamples, split: 'test' }),
    seed,
    layer,
    (done, total) => progress('test', done, total),
  );
  return { accuracy: voteAccuracy(labelling, test), labelling, test };
}

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const neurons = options.neurons ?? 100;
  const samples = options.samples ?? 8000;
  const labelSamples = options.labelSamples ?? 4000;
  const testSamples = options.testSamples ?? 2000;
  const base = { neurons, mode: options.mode, ...templateParams(options.params) };

  const trained = cachedDiehlCook(base, samples, options.seed, (done, total) =>
    options.progress('train', done, total),
  );
  const scored = scoreDiehlCook(base, trained, labelSamples, testSamples, options.seed, options.progress);
  const counters = addCounters(
    addCounters(trained.counters, scored.labelling.counters),
    scored.test.counters,
  );

  return Promise.resolve({
    task: 'diehl-cook',
    accuracy: scored.accuracy,
    trainSamples: samples,
    testSamples,
    wallS: (performance.now() - started) / 1000,
    synapticOps: counters.synapticOps,
    energyEstimateJ: estimateEnergy(counters).joules,
    seed: options.seed,
    mode: options.mode,
    details: {
      neurons,
      labelSamples,
      params: options.params,
      curve: trained.curve,
      thresholdOffsetMean: mean(trained.thresholdOffset),
    },
    artifacts: { inputWeights: trained.inputWeights, thresholdOffset: Array.from(trained.thresholdOffset) },
  });
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? 0 : sum / values.length;
}
