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
 *      digits, inside its envelope (drift budget per window, rollback when the running accuracy
 *      falls below a floor); every `checkEvery` digits a frozen copy is scored on drifted test
 *      digits, which draws the recovery curve;
 *   5. corrupted reward: from the clean readout of phase 1, `corruptSamples` clean digits are
 *      rewarded against shuffled labels, once with the envelope's rollback and once without;
 *      each ends with a frozen score on clean test digits.
 * The running accuracy the envelope watches is the share of digits answered right (by the
 * reward's own labels) over the last `metricWindow` digits, reported after each digit.
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
import { answerOf } from '../core/templates/readout-run';
import { readoutParams } from './rstdp-readout';
import type { CurvePoint, ExperimentOptions, ExperimentResult } from './types';

export type Transform = (pixels: Float32Array) => Float32Array;

/** The drift of this task: contrast halved around the image's mean, then 3 pixels to the right. */
export const DRIFT: Transform = (pixels) => shiftImage(scaleContrast(pixels, 0.5), 3, 0);

export interface StreamRun {
  accuracy: number;
  readoutWeights: number[][];
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
  metricWindow?: number;
  /** Called with the readout weights after every `checkEvery` digits. */
  checkpoint?: { every: number; call: (done: number, weights: number[][]) => void };
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

  const out = program.projections.findIndex((p) => p.name === 'exc-out');
  const readoutMatrix = (): number[][] => {
    const weights = simulator.weights[out]!;
    return Array.from({ length: readout.features.neurons }, (_, i) =>
      Array.from(weights.subarray(i * READOUT_CLASSES, (i + 1) * READOUT_CLASSES)),
    );
  };
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
      if (window.length > (options.metricWindow ?? 30)) window.shift();
      simulator.observeMetric('accuracy', window.reduce((sum, v) => sum + v, 0) / window.length);
    }
    simulator.run(DIEHL_COOK_REST_TICKS);
    for (const event of simulator.drainEvents()) {
      if (event.kind === 'rollback') rollbacks++;
      if (event.kind === 'refused-update') refusedUpdates++;
    }
    options.progress?.(k + 1);
    if (options.checkpoint !== undefined && (k + 1) % options.checkpoint.every === 0) {
      options.checkpoint.call(k + 1, readoutMatrix());
    }
  }

  return {
    accuracy: correct / samples,
    readoutWeights: readoutMatrix(),
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
    Object.fromEntries(
      Object.entries(options.params).filter(
        ([name]) => !['driftSamples', 'corruptSamples', 'checkEvery', 'checkSamples', 'floor'].includes(name),
      ),
    ),
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
  // Meant to sit between chance (0.1) and the drifted accuracy, so that only a lying reward
  // stream, which pushes the running accuracy to chance, triggers a rollback.
  // NOTE: with task 1's 100-neuron layer the drift drops the accuracy to about 17%, below this
  // floor, so the envelope also rolls back the living readout's updates under drift. Without
  // the rollback (`--param floor=0`, seed 1) the readout reached only 18.9% after 2,000 drifted
  // digits: the frozen feature layer, not the envelope, is what keeps it from recovering.
  const floor = options.params['floor'] ?? 0.2;
  const envelope: EnvelopeSpec = {
    driftBudget: 8,
    windowTicks: 10 * (DIEHL_COOK_PRESENT_TICKS + DIEHL_COOK_REST_TICKS),
    cadence: { kind: 'every-event' },
    rollback: { metric: 'accuracy', floor },
  };
  const readout = { ...readoutSettings, features };
  const frozenWith = (weights: number[][]): RstdpReadoutOptions => ({
    ...readout,
    plastic: false,
    readoutWeights: weights,
  });
  const score = (
    weights: number[][],
    transform: Transform | undefined,
    samples: number,
    phase: string,
  ): number => {
    const result = runStream({
      readout: frozenWith(weights),
      split: 'test',
      samples,
      seed,
      thresholdOffset: theta,
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
  const preDrift = score(clean.readoutWeights, undefined, testSamples, 'clean');
  const frozenDrift = score(clean.readoutWeights, DRIFT, testSamples, 'frozen');

  // Living: the readout learns on drifted training digits, scored by a frozen copy as it goes.
  const living: CurvePoint[] = [
    { samples: 0, accuracy: score(clean.readoutWeights, DRIFT, checkSamples, 'check') },
  ];
  const adapted = runStream({
    readout: { ...readout, readoutWeights: clean.readoutWeights, envelope },
    split: 'train',
    samples: driftSamples,
    seed: seed + 1,
    thresholdOffset: theta,
    transform: DRIFT,
    checkpoint: {
      every: checkEvery,
      call: (done, current) =>
        living.push({ samples: done, accuracy: score(current, DRIFT, checkSamples, 'check') }),
    },
    progress: step('living', driftSamples),
  });
  counters.push(adapted.counters);
  const weights = adapted.readoutWeights;
  const rollbacks = adapted.rollbacks;
  const refused = adapted.refusedUpdates;
  const livingDrift = score(weights, DRIFT, testSamples, 'living');

  // Corrupted reward, from the clean readout, with and without the envelope.
  const lies = shuffledLabels('train', corruptSamples, seed + 100);
  const corrupt = (withEnvelope: boolean) => {
    const result = runStream({
      readout: { ...readout, readoutWeights: clean.readoutWeights, ...(withEnvelope ? { envelope } : {}) },
      split: 'train',
      samples: corruptSamples,
      seed: seed + 100,
      thresholdOffset: theta,
      rewardLabels: lies,
      progress: step(withEnvelope ? 'lies+env' : 'lies', corruptSamples),
    });
    counters.push(result.counters);
    return { ...result, test: score(result.readoutWeights, undefined, testSamples, 'after') };
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
        frozen: living.map((p) => ({ samples: p.samples, accuracy: living[0]!.accuracy })),
        living,
      },
    },
  });
}
