/**
 * Task 1: unsupervised STDP on Poisson-encoded digits (Diehl and Cook 2015).
 *
 * Phases, each a run of its own:
 *   1. train: the plastic network sees `samples` training digits in a seeded order;
 *   2. label: a frozen copy (trained weights and threshold offsets, no plasticity, no threshold
 *      growth) sees `labelSamples` training digits (all 8,000 by default), and each neuron keeps
 *      its mean response per class;
 *   3. test: the frozen copy sees the test digits, and each neuron's spikes add its class
 *      proportions to the class scores (the plain vote's accuracy is reported beside it).
 * The frozen phases show each digit for `scorePresentTicks(neurons)` ticks, longer than training,
 * and repeat digits with too few layer spikes at a higher rate (`DIEHL_COOK_RETRY`).
 * The learning curve is the training run's own vote accuracy: each digit is predicted before its
 * label updates the neurons' classes, over the last 100 digits.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { addCounters, createCounters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import type { DiehlCookOptions } from '../core/templates/diehl-cook';
import { DIEHL_COOK_TEMPLATE_VERSION } from '../core/templates/diehl-cook';
import type { QuietDigitRetry } from '../core/templates/quiet-retry';
import type { DiehlCookBase, TrainedDiehlCook } from '../core/templates/diehl-cook-run';
import { scoreDiehlCook, trainDiehlCook } from '../core/templates/diehl-cook-run';
import type { ExperimentOptions, ExperimentResult } from './types';

/**
 * Training digits of task 1 by default: two passes over the 8,000 of the training split, which
 * scored 85.0% against 83.4% for one pass on validation digits cut from the training split. A
 * third pass scored no higher: 84.7% against 85.1% for two (proportion vote, 100 neurons, seed 1,
 * the last 2,000 of the seeded training order labelled by the 6,000 before them).
 */
export const DIEHL_COOK_TRAIN_SAMPLES = 16000;

/**
 * Ticks each labelling and test digit is shown to the frozen layer: 1,400 ms, while training
 * shows 350 ms. A longer presentation gives the vote more spikes. On the validation digits
 * above, frozen presentations of 350, 700 and 1,400 ms scored 85.10, 86.20 and 86.40%
 * (proportion vote, 100 neurons). The task takes the best, at four times the inference time of
 * 350 ms.
 */
export const DIEHL_COOK_SCORE_PRESENT_TICKS = 2800;

/**
 * Ticks of the frozen presentation for networks above 100 neurons: 2,800 ms. With 400 neurons
 * the validation digits above scored 89.05% at 1,400 ms and 90.00% at 2,800 ms, probably because
 * a larger layer spreads its spikes over more neurons and each count needs a longer presentation
 * (not measured). Inference then takes eight times the ticks of 350 ms.
 */
export const DIEHL_COOK_LARGE_SCORE_PRESENT_TICKS = 5600;

/** Returns the frozen presentation of a layer of `neurons` neurons; `--param scorePresentTicks` overrides it. */
export function scorePresentTicks(neurons: number): number {
  return neurons > 100 ? DIEHL_COOK_LARGE_SCORE_PRESENT_TICKS : DIEHL_COOK_SCORE_PRESENT_TICKS;
}

/**
 * The paper's rule for digits the layer barely responds to, applied when labelling and testing: a
 * digit that draws fewer than 5 layer spikes is shown again with the input rate raised by 32 Hz,
 * up to 4 times. With 400 neurons, 27 of the 2,000 validation digits above left the layer silent
 * even at 2,800 ms, mostly ones. Repeating the 44 digits under 5 spikes once scored 91.15% on
 * those digits against 90.00% without. With 100 neurons it changed nothing (86.40%, 12 digits
 * repeated). Raising the rate for every digit instead scored 91.15% with 400 neurons but 85.50%
 * with 100.
 */
export const DIEHL_COOK_RETRY: QuietDigitRetry = { minSpikes: 5, rateStepHz: 32, maxRetries: 4 };

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

const cachedFeaturesSchema = z.object({
  inputWeights: z.array(z.array(z.number())),
  thresholdOffset: z.array(z.number()),
  curve: z.array(z.object({ samples: z.number(), accuracy: z.number() })),
});

/**
 * Returns the trained layer for these options, from `.data/experiments/` when an earlier run
 * trained the same one (same options, samples and seed), else trains and stores it there. A layer
 * read from the cache has zero counters, so its training is missing from the run's operation
 * and energy figures (`fromCache` says so).
 */
export function cachedDiehlCook(
  base: DiehlCookBase,
  samples: number,
  seed: number,
  progress: (done: number, total: number) => void,
): TrainedDiehlCook & { fromCache: boolean } {
  const key = createHash('sha256')
    .update(JSON.stringify({ template: DIEHL_COOK_TEMPLATE_VERSION, base, samples, seed }))
    .digest('hex')
    .slice(0, 16);
  const path = join(CACHE_DIRECTORY, `diehl-cook-${key}.json`);
  if (existsSync(path)) {
    const cached = cachedFeaturesSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const offsets =
      (base.mode ?? 'fixed') === 'fixed'
        ? Int32Array.from(cached.thresholdOffset)
        : Float64Array.from(cached.thresholdOffset);
    return { ...cached, thresholdOffset: offsets, counters: createCounters(), fromCache: true };
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
  return { ...trained, fromCache: false };
}

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const neurons = options.neurons ?? 100;
  const samples = options.samples ?? DIEHL_COOK_TRAIN_SAMPLES;
  // All training digits: 6,000 labelling digits scored 0.3 points above 4,000 on validation digits.
  const labelSamples = options.labelSamples ?? 8000;
  const testSamples = options.testSamples ?? 2000;
  const { scorePresentTicks: presentOverride, retryMinSpikes, ...params } = options.params;
  const presentTicks = presentOverride ?? scorePresentTicks(neurons);
  const retry = { ...DIEHL_COOK_RETRY, minSpikes: retryMinSpikes ?? DIEHL_COOK_RETRY.minSpikes };
  const base = { neurons, mode: options.mode, ...templateParams(params) };

  // Checked before training, so a bad value does not cost a whole training run.
  if (!Number.isSafeInteger(presentTicks) || presentTicks < 1) {
    throw new RangeError(
      `--param scorePresentTicks: expected a whole number of ticks, at least 1, got ${presentTicks}`,
    );
  }
  if (!Number.isSafeInteger(retry.minSpikes) || retry.minSpikes < 0) {
    throw new RangeError(
      `--param retryMinSpikes: expected a whole number of spikes, at least 0 (0 turns retries off), got ${retry.minSpikes}`,
    );
  }

  const trained = cachedDiehlCook(base, samples, options.seed, (done, total) =>
    options.progress('train', done, total),
  );
  const scored = scoreDiehlCook(base, trained, labelSamples, testSamples, options.seed, options.progress, {
    presentTicks,
    retry,
  });
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
      scorePresentTicks: presentTicks,
      retry,
      retries: scored.retries,
      voteAccuracy: scored.voteAccuracy,
      featuresFromCache: trained.fromCache,
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
