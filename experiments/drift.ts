/**
 * Task 4: drift. The network of task 2 (task 1's frozen features, an R-STDP readout) meets an
 * input that changes after training: every digit's contrast is halved around its mean and the
 * image moves 3 pixels to the right (`scaleContrast`, `shiftImage`).
 *
 * Phases, all with the same seed:
 *   1. features (cached task 1 layer) and a readout trained on `readoutSamples` clean digits;
 *   2. pre-drift accuracy: the frozen network on the clean test digits;
 *   3. frozen: the same network on drifted test digits;
 *   4. living: the readout keeps learning from the reward on `driftSamples` drifted training
 *      digits, and with `--param livingFeatures=1` the feature layer keeps its STDP
 *      and adaptive thresholds. Each projection learns inside its own envelope (drift budget
 *      per window, rollback when the running accuracy falls below a floor). Every `checkEvery`
 *      digits a frozen copy of both is scored on drifted test digits, which draws the recovery
 *      curve;
 *   5. corrupted reward: from the clean network of phase 1, living as in phase 4,
 *      `corruptSamples` clean digits are rewarded against shuffled labels, once with the
 *      envelopes and once without; each ends with a frozen score on clean test digits.
 * The running accuracy the envelope watches is the share of digits answered right (by the
 * reward's own labels) over the last `metricWindow` digits (default 300), reported after each
 * digit once the window is full.
 *
 * `RunSession` has no way to change a stream's images, so this experiment drives `Simulator`
 * with a `DataStimulus` that carries the drift transform.
 */
import { compile } from '../core/compile/compile';
import { addCounters, createCounters } from '../core/energy/counters';
import type { Counters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import { label, sampleOrder } from '../core/data/mnist';
import type { MnistSplitName } from '../core/data/mnist';
import { scaleContrast, shiftImage } from '../core/data/transforms';
import { createStream } from '../core/random';
import { DataStimulus } from '../core/sim/data-stimulus';
import { Simulator } from '../core/sim/simulator';
import type { EnvelopeSpec } from '../core/spec/schema';
import { DIEHL_COOK_PRESENT_TICKS, DIEHL_COOK_REST_TICKS } from '../core/templates/diehl-cook';
import type { RstdpReadoutOptions } from '../core/templates/rstdp-readout';
import { READOUT_CLASSES, rstdpReadoutSpec } from '../core/templates/rstdp-readout';
import { cachedDiehlCook, DIEHL_COOK_TRAIN_SAMPLES, templateParams } from './diehl-cook';
import { answerOf, readoutMatrix } from '../core/templates/readout-run';
import { readoutParams } from './rstdp-readout';
import type { CurvePoint, ExperimentOptions, ExperimentResult } from './types';

export type Transform = (pixels: Float32Array) => Float32Array;

/** The drift of this task: contrast halved around the image's mean, then 3 pixels to the right. */
export const DRIFT: Transform = (pixels) => shiftImage(scaleContrast(pixels, 0.5), 3, 0);

/** Feature layer at the end of a stream: its input weights and threshold offsets. */
export interface FeatureState {
  inputWeights: number[][];
  thresholdOffset: Int32Array | Float64Array;
}

export interface StreamRun {
  accuracy: number;
  readoutWeights: number[][];
  features: FeatureState;
  rollbacks: number;
  refusedUpdates: number;
  counters: Counters;
}

export interface StreamOptions {
  readout: RstdpReadoutOptions;
  split: MnistSplitName;
  samples: number;
  seed: number;
  thresholdOffset: Int32Array | Float64Array;
  transform?: Transform;
  /** Labels the reward is computed against, per sample; the true labels when absent. */
  rewardLabels?: Uint8Array;
  /**
   * Digits over which the share of rewarded answers, the metric the envelope watches, is taken
   * (default 30). It is reported only once the window is full, so a few early digits cannot
   * trip a rollback or mark weights as good.
   */
  metricWindow?: number;
  /** Called with the readout weights and feature state after every `checkEvery` digits. */
  checkpoint?: {
    every: number;
    call: (done: number, weights: number[][], features: FeatureState) => void;
  };
  progress?: (done: number) => void;
}

/** Presents a digit stream to the readout network, rewarding it when it is plastic. */
export function runStream(options: StreamOptions): StreamRun {
  const { readout, split, samples, seed } = options;
  const spec = rstdpReadoutSpec({ ...readout, features: { ...readout.features, samples, split } });
  const program = compile(spec, { seed });
  const input = program.populations.find((p) => p.name === 'input')!;
  const stimulus = new DataStimulus(program, input, spec.stimulus[0]!, seed, 0, {
    transform: options.transform,
  });
  const simulator = new Simulator(program, { seed, stimuli: [stimulus] });

  const exc = program.populations.find((p) => p.name === 'exc')!;
  const state = simulator.captureState();
  state[`neurons.${exc.index}.thresholdOffset`] = options.thresholdOffset;
  simulator.restoreState(state);

  const inputExc = program.projections.findIndex((p) => p.name === 'input-exc');
  const featureState = (): FeatureState => {
    const weights = simulator.weights[inputExc]!;
    const neurons = readout.features.neurons;
    return {
      inputWeights: Array.from({ length: input.size }, (_, i) =>
        Array.from(weights.subarray(i * neurons, (i + 1) * neurons)),
      ),
      thresholdOffset: simulator.captureState()[`neurons.${exc.index}.thresholdOffset`] as
        Int32Array | Float64Array,
    };
  };
  const currentReadout = (): number[][] =>
    readoutMatrix(program, simulator.weights, readout.features.neurons, readout.delayGroups ?? 1);
  const order = sampleOrder(split, seed, samples);
  const plastic = readout.plastic ?? true;
  const window: number[] = [];
  let correct = 0;
  let rollbacks = 0;
  let refusedUpdates = 0;

  for (let k = 0; k < samples; k++) {
    simulator.run(DIEHL_COOK_PRESENT_TICKS);
    const counts = new Float64Array(READOUT_CLASSES);
    const first = new Float64Array(READOUT_CLASSES).fill(Number.POSITIVE_INFINITY);
    for (const { population, spikes } of simulator.spikeRecorder.drain()) {
      if (population !== 'out') continue;
      for (let n = 0; n < spikes.length; n += 2) {
        counts[spikes[n + 1]!]! += 1;
        first[spikes[n + 1]!] = Math.min(first[spikes[n + 1]!]!, spikes[n]!);
      }
    }
    const answer = answerOf(counts, first);
    if (answer === label(order[k]!)) correct++;

    if (plastic) {
      const rewarded = answer === (options.rewardLabels?.[k] ?? label(order[k]!));
      simulator.injectReward(rewarded ? 1 : -1);
      window.push(rewarded ? 1 : 0);
      const size = options.metricWindow ?? 30;
      if (window.length > size) window.shift();
      if (window.length === size) {
        simulator.observeMetric('accuracy', window.reduce((sum, v) => sum + v, 0) / size);
      }
    }
    simulator.run(DIEHL_COOK_REST_TICKS);
    for (const event of simulator.drainEvents()) {
      if (event.kind === 'rollback') rollbacks++;
      if (event.kind === 'refused-update') refusedUpdates++;
    }
    options.progress?.(k + 1);
    if (options.checkpoint !== undefined && (k + 1) % options.checkpoint.every === 0) {
      options.checkpoint.call(k + 1, currentReadout(), featureState());
    }
  }

  return {
    accuracy: correct / samples,
    readoutWeights: currentReadout(),
    features: featureState(),
    rollbacks,
    refusedUpdates,
    counters: { ...simulator.counters },
  };
}

/** Returns `labels` of the stream's samples in a seeded random order: a reward stream that lies. */
export function shuffledLabels(split: MnistSplitName, samples: number, seed: number): Uint8Array {
  const labels = Array.from(sampleOrder(split, seed, samples), (index) => label(index));
  return Uint8Array.from(createStream(seed, 'drift/corrupted-labels').shuffle(labels));
}

/** `--param` names this experiment reads itself; the rest go to the layer and the readout. */
const DRIFT_PARAMS = [
  'driftSamples',
  'corruptSamples',
  'checkEvery',
  'checkSamples',
  'floor',
  'metricWindow',
  'livingFeatures',
  'featureBudget',
];

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const neurons = options.neurons ?? 100;
  const readoutSamples = options.samples ?? 8000;
  const driftSamples = options.params['driftSamples'] ?? 2000;
  const corruptSamples = options.params['corruptSamples'] ?? 1000;
  const checkEvery = options.params['checkEvery'] ?? 500;
  const checkSamples = options.params['checkSamples'] ?? 500;
  const testSamples = options.testSamples ?? 2000;
  const { features: featureParams, readout: readoutSettings } = readoutParams(
    Object.fromEntries(Object.entries(options.params).filter(([name]) => !DRIFT_PARAMS.includes(name))),
  );
  const base = { neurons, mode: options.mode, ...templateParams(featureParams) };
  const seed = options.seed;
  const counters: Counters[] = [];
  const step = (phase: string, total: number) => (done: number) => options.progress(phase, done, total);

  const trained = cachedDiehlCook(base, DIEHL_COOK_TRAIN_SAMPLES, seed, (done, total) =>
    options.progress('features', done, total),
  );
  counters.push(trained.counters);
  const features = { ...base, samples: 0, inputWeights: trained.inputWeights };
  const theta = trained.thresholdOffset;
  const trainedFeatures: FeatureState = { inputWeights: trained.inputWeights, thresholdOffset: theta };
  // NOTE: a living feature layer is off by default because it measured worse. With
  // `--param livingFeatures=1` (seed 1, floor 14%, window 300) the network fell to 6.6% on the
  // drifted test digits, below the frozen 17.3%, and after 1,000 drifted training digits it
  // answered none of 500 drifted test digits right. Without rollbacks (floor 0) it
  // fell to 0%, and 1,000 clean digits with plastic features also left 15.1% on clean test
  // digits, so the collapse comes from the plastic layer in this stream, not from the drift.
  // The cause (normalisation, threshold growth or the readout) is not known yet.
  const livingFeatures = (options.params['livingFeatures'] ?? 0) === 1;
  const metricWindow = options.params['metricWindow'] ?? 300;
  // The rollback separates the two failures by chance level. Reward computed against labels
  // unrelated to the digit is +1 for one answer in ten whatever the weights do, so its share
  // stays at 10% and learning from it cannot raise it. A genuine drift leaves the answers
  // above chance (about 17% on the drifted digits before any adaptation, 100-neuron layer,
  // seed 1), and learning raises the share further. Over 300 digits the share at chance has a
  // standard deviation of 1.7 points, so a floor of 14% sits 2.3 deviations above chance.
  // NOTE: the drifted share is only 1.4 deviations above the floor, so a living network that
  // has not yet adapted can still trip a rollback now and then.
  const floor = options.params['floor'] ?? 0.14;
  const envelope: EnvelopeSpec = {
    driftBudget: 8,
    windowTicks: 10 * (DIEHL_COOK_PRESENT_TICKS + DIEHL_COOK_REST_TICKS),
    cadence: { kind: 'every-event' },
    rollback: { metric: 'accuracy', floor },
  };
  const readout = { ...readoutSettings, features };
  // The living feature layer: STDP and threshold growth at the rates of its training (the
  // template's default increment scales with the stream's length, which would be 8 times faster
  // over 2,000 digits), inside its own envelope.
  const featureEnvelope: EnvelopeSpec = {
    ...envelope,
    driftBudget: options.params['featureBudget'] ?? 1,
  };
  const living: Partial<RstdpReadoutOptions> = livingFeatures
    ? {
        features: { ...features, thetaMv: base.thetaMv ?? (2 * neurons) / DIEHL_COOK_TRAIN_SAMPLES },
        featuresPlastic: true,
      }
    : {};
  const frozenWith = (weights: number[][], layer: FeatureState): RstdpReadoutOptions => ({
    ...readout,
    features: { ...features, inputWeights: layer.inputWeights },
    plastic: false,
    readoutWeights: weights,
  });
  const score = (
    weights: number[][],
    layer: FeatureState,
    transform: Transform | undefined,
    samples: number,
    phase: string,
  ): number => {
    const result = runStream({
      readout: frozenWith(weights, layer),
      split: 'test',
      samples,
      seed,
      thresholdOffset: layer.thresholdOffset,
      transform,
      progress: step(phase, samples),
    });
    counters.push(result.counters);
    return result.accuracy;
  };

  const clean = runStream({
    readout,
    split: 'train',
    samples: readoutSamples,
    seed,
    thresholdOffset: theta,
    progress: step('readout', readoutSamples),
  });
  counters.push(clean.counters);
  const preDrift = score(clean.readoutWeights, trainedFeatures, undefined, testSamples, 'clean');
  const frozenDrift = score(clean.readoutWeights, trainedFeatures, DRIFT, testSamples, 'frozen');

  // Living: the readout learns on drifted training digits, scored by a frozen copy as it goes.
  const curve: CurvePoint[] = [
    {
      samples: 0,
      accuracy: score(clean.readoutWeights, trainedFeatures, DRIFT, checkSamples, 'check'),
    },
  ];
  const adapted = runStream({
    readout: {
      ...readout,
      ...living,
      readoutWeights: clean.readoutWeights,
      envelope,
      featureEnvelope,
    },
    split: 'train',
    samples: driftSamples,
    seed: seed + 1,
    thresholdOffset: theta,
    transform: DRIFT,
    metricWindow,
    checkpoint: {
      every: checkEvery,
      call: (done, current, layer) =>
        curve.push({ samples: done, accuracy: score(current, layer, DRIFT, checkSamples, 'check') }),
    },
    progress: step('living', driftSamples),
  });
  counters.push(adapted.counters);
  const weights = adapted.readoutWeights;
  const rollbacks = adapted.rollbacks;
  const refused = adapted.refusedUpdates;
  const livingDrift = score(weights, adapted.features, DRIFT, testSamples, 'living');

  // Corrupted reward, from the clean readout, with and without the envelope.
  const lies = shuffledLabels('train', corruptSamples, seed + 100);
  const corrupt = (withEnvelope: boolean) => {
    const result = runStream({
      readout: {
        ...readout,
        ...living,
        readoutWeights: clean.readoutWeights,
        ...(withEnvelope ? { envelope, featureEnvelope } : {}),
      },
      split: 'train',
      samples: corruptSamples,
      seed: seed + 100,
      thresholdOffset: theta,
      rewardLabels: lies,
      metricWindow,
      progress: step(withEnvelope ? 'lies+env' : 'lies', corruptSamples),
    });
    counters.push(result.counters);
    return {
      ...result,
      test: score(result.readoutWeights, result.features, undefined, testSamples, 'after'),
    };
  };
  const guarded = corrupt(true);
  const unguarded = corrupt(false);
  const total = counters.reduce((sum, c) => addCounters(sum, c), createCounters());

  return Promise.resolve({
    task: 'drift',
    accuracy: livingDrift,
    trainSamples: readoutSamples + driftSamples,
    testSamples,
    wallS: (performance.now() - started) / 1000,
    synapticOps: total.synapticOps,
    energyEstimateJ: estimateEnergy(total).joules,
    seed,
    mode: options.mode,
    details: {
      neurons,
      featuresFromCache: trained.fromCache,
      preDrift,
      frozenDrift,
      livingDrift,
      recovered: livingDrift / preDrift,
      livingFeatures,
      metricWindow,
      livingStreamAccuracy: adapted.accuracy,
      driftRollbacks: rollbacks,
      driftRefusedUpdates: refused,
      corrupted: {
        before: preDrift,
        withEnvelope: guarded.test,
        withoutEnvelope: unguarded.test,
        rollbacks: guarded.rollbacks,
        refusedUpdates: guarded.refusedUpdates,
      },
      envelope,
      driftCurves: {
        frozen: curve.map((p) => ({ samples: p.samples, accuracy: curve[0]!.accuracy })),
        living: curve,
      },
    },
  });
}
