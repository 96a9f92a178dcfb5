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
import type { QuietDigitRetry } from './quiet-retry';
import { retryQuietDigits } from './quiet-retry';
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

/** Presentation settings of the frozen copy; each field defaults to the training value. */
export interface FrozenPresentation {
  presentTicks?: number;
  /** Poisson rate of a pixel of value 1. */
  maxRateHz?: number;
  /** Repeats digits with too few layer spikes at a higher rate; no repeats when absent. */
  retry?: QuietDigitRetry;
}

/** Scores of a trained layer; `retries` counts the repeated showings of both phases. */
export interface DiehlCookScores {
  accuracy: number;
  voteAccuracy: number;
  labelling: FrozenPhase;
  test: FrozenPhase;
  retries: number;
}

/**
 * Scores a trained network on `labelSamples` training digits and `testSamples` test digits, each
 * shown as `presentation` sets.
 */
export function scoreDiehlCook(
  base: DiehlCookBase,
  trained: TrainedDiehlCook,
  labelSamples: number,
  testSamples: number,
  seed: number,
  progress: (phase: string, done: number, total: number) => void,
  presentation: FrozenPresentation = {},
): DiehlCookScores {
  const frozen = {
    ...base,
    plastic: false,
    inputWeights: trained.inputWeights,
    presentTicks: presentation.presentTicks ?? DIEHL_COOK_PRESENT_TICKS,
    ...(presentation.maxRateHz !== undefined ? { maxRateHz: presentation.maxRateHz } : {}),
  };
  const layer = { population: 'exc', thresholdOffset: trained.thresholdOffset };
  const score = (split: 'train' | 'test', samples: number, name: string) => {
    const spec = diehlCookSpec({ ...frozen, samples, split });
    const phase = runFrozen(spec, seed, layer, (done, total) => progress(name, done, total));
    const { retry } = presentation;
    return retry === undefined ? { phase, retries: 0 } : retryQuietDigits(spec, seed, layer, phase, retry);
  };

  const labelling = score('train', labelSamples, 'label');
  const test = score('test', testSamples, 'test');
  return {
    accuracy: proportionAccuracy(labelling.phase, test.phase),
    voteAccuracy: voteAccuracy(labelling.phase, test.phase),
    labelling: labelling.phase,
    test: test.phase,
    retries: labelling.retries + test.retries,
  };
}
