/**
 * Task 2: a readout learned by reward-modulated STDP on top of task 1's features, from a +1 / -1
 * reward alone.
 *
 * Phases:
 *   1. features: task 1's layer, trained as `diehl-cook` trains it (read from the cache when the
 *      same layer was trained before);
 *   2. readout: the frozen layer drives 10 output neurons; after each digit's presentation the
 *      output neuron with the most spikes (ties to the first to spike) is the answer, and the run
 *      injects +1 when it is the label's class and -1 otherwise (also -1 when no output neuron
 *      spiked, which changes nothing, since without an output spike no eligibility builds up);
 *   3. test: a copy with the readout frozen answers the test digits the same way.
 * The learning curve is the share of +1 rewards over the last 200 training digits.
 */
import { addCounters } from '../core/energy/counters';
import type { Counters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import { label, sampleOrder } from '../core/data/mnist';
import type { MnistSplitName } from '../core/data/mnist';
import { RunSession } from '../core/session/run-session';
import { DIEHL_COOK_PRESENT_TICKS, DIEHL_COOK_REST_TICKS } from '../core/templates/diehl-cook';
import type { RstdpReadoutOptions } from '../core/templates/rstdp-readout';
import { READOUT_CLASSES, rstdpReadoutSpec } from '../core/templates/rstdp-readout';
import { cachedDiehlCook, templateParams } from './diehl-cook';
import { setThresholdOffsets } from './frozen-vote';
import type { CurvePoint, ExperimentOptions, ExperimentResult } from './types';

const READOUT_TUNABLE = [
  'readoutAPlus',
  'readoutEta',
  'readoutThreshold',
  'readoutInhibition',
  'featureSamples',
] as const;

export interface ReadoutRun {
  /** Share of digits answered right (training: before the reward; test: frozen). */
  accuracy: number;
  readoutWeights: number[][];
  curve: CurvePoint[];
  /** Digits with no answer because no output neuron spiked. */
  unanswered: number;
  counters: Counters;
}

/**
 * Returns the class whose output neuron spiked most, a tie going to the neuron that spiked first
 * (then to the lower class), or -1 when no output neuron spiked.
 */
export function answerOf(counts: Float64Array, firstSpikeTick: Float64Array): number {
  let best = -1;
  counts.forEach((count, c) => {
    if (count === 0) return;
    if (
      best < 0 ||
      count > counts[best]! ||
      (count === counts[best]! && firstSpikeTick[c]! < firstSpikeTick[best]!)
    ) {
      best = c;
    }
  });
  return best;
}

/**
 * Presents `samples` digits of `split` to the readout network; when `plastic`, injects the reward
 * after each presentation. `thresholdOffset` is the feature layer's trained offsets.
 */
export function runReadout(
  options: RstdpReadoutOptions,
  split: MnistSplitName,
  samples: number,
  seed: number,
  thresholdOffset: Int32Array | Float64Array,
  progress: (done: number, total: number) => void,
): ReadoutRun {
  const spec = rstdpReadoutSpec({
    ...options,
    features: { ...options.features, samples, split },
  });
  const session = RunSession.create(spec, { seed });
  setThresholdOffsets(session, 'exc', thresholdOffset);
  const order = sampleOrder(split, seed, samples);
  const plastic = options.plastic ?? true;
  const recent: number[] = [];
  const curve: CurvePoint[] = [];
  let correct = 0;
  let unanswered = 0;

  for (let k = 0; k < samples; k++) {
    const report = session.advance(DIEHL_COOK_PRESENT_TICKS);
    const counts = new Float64Array(READOUT_CLASSES);
    const first = new Float64Array(READOUT_CLASSES).fill(Number.POSITIVE_INFINITY);
    for (const { population, spikes } of report.raster) {
      if (population !== 'out') continue;
      for (const [tick, neuron] of spikes) {
        counts[neuron]! += 1;
        first[neuron] = Math.min(first[neuron]!, tick);
      }
    }
    const answer = answerOf(counts, first);
    const hit = answer === label(order[k]!);
    if (hit) correct++;
    if (answer < 0) unanswered++;
    if (plastic) session.injectReward(hit ? 1 : -1);
    session.advance(DIEHL_COOK_REST_TICKS);

    recent.push(hit ? 1 : 0);
    if (recent.length > 200) recent.shift();
    if ((k + 1) % 100 === 0) curve.push({ samples: k + 1, accuracy: mean(recent) });
    progress(k + 1, samples);
  }

  const out = session.program.projections.findIndex((p) => p.name === 'exc-out');
  const weights = session.simulator.weights[out]!;
  const readoutWeights = Array.from({ length: options.features.neurons }, (_, i) =>
    Array.from(weights.subarray(i * READOUT_CLASSES, (i + 1) * READOUT_CLASSES)),
  );
  return {
    accuracy: correct / samples,
    readoutWeights,
    curve,
    unanswered,
    counters: { ...session.simulator.counters },
  };
}

/** Splits `--param` values into feature-layer options and readout options. */
export function readoutParams(params: Record<string, number>): {
  features: Record<string, number>;
  readout: Partial<RstdpReadoutOptions>;
} {
  const features: Record<string, number> = {};
  const readout: Partial<RstdpReadoutOptions> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'readoutAPlus') readout.aPlus = value;
    else if (name === 'readoutEta') readout.eta = value;
    else if (name === 'readoutThreshold') readout.thresholdWeights = value;
    else if (name === 'readoutInhibition') readout.inhibitionWeights = value;
    else if (!(READOUT_TUNABLE as readonly string[]).includes(name)) features[name] = value;
  }
  return { features, readout };
}

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const neurons = options.neurons ?? 100;
  const featureSamples = options.params['featureSamples'] ?? 8000;
  const samples = options.samples ?? 8000;
  const testSamples = options.testSamples ?? 2000;
  const { features: featureParams, readout } = readoutParams(options.params);
  const base = { neurons, mode: options.mode, ...templateParams(featureParams) };

  const trained = cachedDiehlCook(base, featureSamples, options.seed, (done, total) =>
    options.progress('features', done, total),
  );
  const features = { ...base, samples, inputWeights: trained.inputWeights };
  const training = runReadout(
    { ...readout, features },
    'train',
    samples,
    options.seed,
    trained.thresholdOffset,
    (done, total) => options.progress('train', done, total),
  );
  const test = runReadout(
    { ...readout, features, plastic: false, readoutWeights: training.readoutWeights },
    'test',
    testSamples,
    options.seed,
    trained.thresholdOffset,
    (done, total) => options.progress('test', done, total),
  );
  const counters = addCounters(addCounters(trained.counters, training.counters), test.counters);

  return Promise.resolve({
    task: 'rstdp-readout',
    accuracy: test.accuracy,
    trainSamples: samples,
    testSamples,
    wallS: (performance.now() - started) / 1000,
    synapticOps: counters.synapticOps,
    energyEstimateJ: estimateEnergy(counters).joules,
    seed: options.seed,
    mode: options.mode,
    details: {
      neurons,
      featureSamples,
      trainingAccuracy: training.accuracy,
      unansweredTraining: training.unanswered,
      unansweredTest: test.unanswered,
      params: options.params,
      curve: training.curve,
    },
    artifacts: { readoutWeights: training.readoutWeights },
  });
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
