/**
 * Training and frozen scoring of the Diehl-and-Cook template (`./diehl-cook`), shared by the
 * experiments and the tests.
 *
 * Training runs the plastic network over `samples` training digits in a seeded order. Scoring
 * puts the trained weights and threshold offsets into frozen copies (no STDP, no threshold
 * growth) and records their spike counts on training digits (labelling) and test digits. The
 * test digits are scored with the proportion-weighted vote (`./proportion-vote`), which scored
 * 85.1% against 84.3% for the plain vote on validation digits cut from the training split (100
 * neurons, 6,000 labelling digits). The layer had seen those validation digits unlabelled in
 * training, so both figures run high, but the layer is the same for both. The plain vote's
 * accuracy is returned beside it.
 *
 * The learning curve is the training run's own vote accuracy over the last 100 digits, each
 * digit predicted before its label updates the labels.
 */
import type { Counters } from '../energy/counters';
import { RunSession } from '../session/run-session';
import type { DiehlCookOptions } from './diehl-cook';
import { DIEHL_COOK_PRESENT_TICKS, diehlCookSpec } from './diehl-cook';
import type { FrozenPhase } from './frozen-vote';
import { runFrozen, voteAccuracy } from './frozen-vote';
import { proportionAccuracy } from './proportion-vote';
import type { CurvePoint } from './readout-run';

export type DiehlCookBase = Omit<DiehlCookOptions, 'samples' | 'split' | 'plastic'>;

export interface TrainedDiehlCook {
  /** Input weights `[input][neuron]` on the mantissa scale. */
  inputWeights: number[][];
  thresholdOffset: Int32Array | Float64Array;
  curve: CurvePoint[];
  counters: Counters;
}

/** Trains the plastic network and returns what the frozen copy needs. */
export function trainDiehlCook(
  base: DiehlCookBase,
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

/**
 * Scores a trained network on `labelSamples` training digits and `testSamples` test digits, each
 * shown for `presentTicks` ticks (default: as long as in training).
 */
export function scoreDiehlCook(
  base: DiehlCookBase,
  trained: TrainedDiehlCook,
  labelSamples: number,
  testSamples: number,
  seed: number,
  progress: (phase: string, done: number, total: number) => void,
  presentTicks = DIEHL_COOK_PRESENT_TICKS,
): { accuracy: number; voteAccuracy: number; labelling: FrozenPhase; test: FrozenPhase } {
  const frozen = { ...base, plastic: false, inputWeights: trained.inputWeights, presentTicks };
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
  return {
    accuracy: proportionAccuracy(labelling, test),
    voteAccuracy: voteAccuracy(labelling, test),
    labelling,
    test,
  };
}
