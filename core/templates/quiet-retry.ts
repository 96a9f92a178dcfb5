/**
 * Diehl and Cook's rule for digits the layer barely responds to. When the excitatory layer fires
 * fewer than `minSpikes` spikes on a digit, the digit is shown again with the peak input rate
 * raised by `rateStepHz`. This repeats until the layer reaches `minSpikes` or `maxRetries` retries
 * have run.
 * Thin digits (mostly ones) drive few inputs, so at the training rate some leave a trained layer
 * silent, and a silent digit has no vote.
 *
 * Here the rule applies to the frozen phases only (labelling and testing), while training shows
 * every digit once. A retry is a frozen run of its own over the quiet digits alone (listed by
 * `indices`), from rest, and its counts replace theirs. Its input spikes come from the encoder
 * stream of the same seed, so they differ from the first showing's. The returned counters add
 * up every run.
 */
import { addCounters } from '../energy/counters';
import type { Spec } from '../spec/schema';
import { streamOrder } from '../data/mnist';
import type { FrozenPhase, TrainedLayer } from './frozen-vote';
import { runFrozen } from './frozen-vote';

export interface QuietDigitRetry {
  /** Minimum layer spikes that keep a digit's first showing (5 in Diehl and Cook 2015). */
  minSpikes: number;
  /** Rate added to the peak input rate at each retry, in Hz (32 in Diehl and Cook 2015). */
  rateStepHz: number;
  /** Most retries of one digit; a digit still quiet after them keeps its last counts. */
  maxRetries: number;
}

/** Returns the phase with its quiet digits shown again, and how many showings were retries. */
export function retryQuietDigits(
  spec: Spec,
  seed: number,
  layer: TrainedLayer,
  phase: FrozenPhase,
  retry: QuietDigitRetry,
): { phase: FrozenPhase; retries: number } {
  const stimulusIndex = spec.stimulus.findIndex((s) => s.data !== undefined);
  const stimulus = spec.stimulus[stimulusIndex];
  if (stimulus?.data === undefined || stimulus.encoder?.kind !== 'poisson') {
    throw new RangeError('retrying quiet digits needs a Poisson encoder bound to data');
  }
  const order = streamOrder(stimulus.data, seed);
  const { size } = phase;
  const counts = phase.counts.slice();
  let counters = phase.counters;
  let retries = 0;

  for (let attempt = 1; attempt <= retry.maxRetries; attempt++) {
    const quiet = quietSamples(counts, size, retry.minSpikes);
    if (quiet.length === 0) break;

    const raisedRateHz = stimulus.encoder.maxRateHz + attempt * retry.rateStepHz;
    const again = {
      ...stimulus,
      encoder: { ...stimulus.encoder, maxRateHz: raisedRateHz },
      data: { ...stimulus.data, samples: quiet.length, indices: quiet.map((k) => order[k]!) },
    };
    const rerun = runFrozen(
      { ...spec, stimulus: spec.stimulus.map((s, i) => (i === stimulusIndex ? again : s)) },
      seed,
      layer,
      () => {},
    );

    quiet.forEach((k, j) => counts.set(rerun.counts.subarray(j * size, (j + 1) * size), k * size));
    counters = addCounters(counters, rerun.counters);
    retries += quiet.length;
  }
  return { phase: { ...phase, counts, counters }, retries };
}

/** Returns the samples whose layer spikes add up to fewer than `minSpikes`. */
function quietSamples(counts: Uint16Array, size: number, minSpikes: number): number[] {
  const quiet: number[] = [];
  for (let k = 0; k * size < counts.length; k++) {
    let spikes = 0;
    for (let i = 0; i < size; i++) spikes += counts[k * size + i]!;
    if (spikes < minSpikes) quiet.push(k);
  }
  return quiet;
}
