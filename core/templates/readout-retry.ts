/**
 * The quiet-digit rule of `./quiet-retry` for the frozen reward-trained readout. A test digit on
 * which no output neuron spiked is shown again with the feature layer's input rate raised by
 * `rateStepHz`. This repeats until an output neuron spikes or `maxRetries` retries have run. A digit that
 * leaves the feature layer silent gives the readout nothing to classify.
 *
 * Each retry is a frozen readout run of its own over the unanswered digits alone (listed by
 * `indices`), from rest, and its answers replace theirs. `minSpikes` is not used: a digit is
 * quiet when the readout gave no answer.
 */
import { addCounters } from '../energy/counters';
import type { MnistSplitName } from '../data/mnist';
import { label, streamOrder } from '../data/mnist';
import { DIEHL_COOK_MAX_RATE_HZ } from './diehl-cook';
import type { QuietDigitRetry } from './quiet-retry';
import type { ReadoutRun } from './readout-run';
import { runReadout } from './readout-run';
import type { RstdpReadoutOptions } from './rstdp-readout';

/** Returns the frozen run with its unanswered digits shown again, and how many showings were retries. */
export function retryUnanswered(
  options: RstdpReadoutOptions,
  run: ReadoutRun,
  split: MnistSplitName,
  samples: number,
  seed: number,
  thresholdOffset: Int32Array | Float64Array,
  retry: Omit<QuietDigitRetry, 'minSpikes'>,
): { run: ReadoutRun; retries: number } {
  if (options.plastic !== false)
    throw new RangeError(`plastic: expected false, a frozen readout, got ${String(options.plastic)}`);
  const features = options.features;
  const order = streamOrder({ split, samples, indices: features.indices }, seed);
  const baseRateHz = features.maxRateHz ?? DIEHL_COOK_MAX_RATE_HZ;
  const answers = run.answers.slice();
  let counters = run.counters;
  let retries = 0;

  for (let attempt = 1; attempt <= retry.maxRetries; attempt++) {
    const quiet: number[] = [];
    answers.forEach((answer, k) => {
      if (answer < 0) quiet.push(k);
    });
    if (quiet.length === 0) break;

    const again = runReadout(
      {
        ...options,
        features: {
          ...features,
          maxRateHz: baseRateHz + attempt * retry.rateStepHz,
          indices: quiet.map((k) => order[k]!),
        },
      },
      split,
      quiet.length,
      seed,
      thresholdOffset,
      () => {},
    );
    quiet.forEach((k, j) => (answers[k] = again.answers[j]!));
    counters = addCounters(counters, again.counters);
    retries += quiet.length;
  }

  let correct = 0;
  answers.forEach((answer, k) => {
    if (answer === label(order[k]!)) correct++;
  });
  const unanswered = answers.filter((answer) => answer < 0).length;
  return { run: { ...run, answers, counters, accuracy: correct / samples, unanswered }, retries };
}
