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
 *   3. test: a copy with the readout frozen classifies the test digits the same way, and a digit
 *      with no output spike is shown again at a raised input rate (`DIEHL_COOK_RETRY`).
 * The learning curve is the share of +1 rewards over the last 200 training digits.
 */
import { addCounters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import type { RstdpReadoutOptions } from '../core/templates/rstdp-readout';
import { retryUnanswered } from '../core/templates/readout-retry';
import { runReadout } from '../core/templates/readout-run';
import { cachedDiehlCook, DIEHL_COOK_RETRY, DIEHL_COOK_TRAIN_SAMPLES, templateParams } from './diehl-cook';
import type { ExperimentOptions, ExperimentResult } from './types';

const READOUT_TUNABLE = [
  'readoutAPlus',
  'readoutEta',
  'readoutThreshold',
  'readoutInhibition',
  'readoutBaselineTau',
  'readoutDelayGroups',
  'readoutPresentTicks',
  'readoutTauEligibilityMs',
  'readoutOutputDecay',
  'featureSamples',
] as const;

/**
 * Readout settings of the task, chosen on the training run's own accuracy (the last 2,000 of
 * 8,000 training digits, each scored before its reward; 100 neurons, seed 1). One delay group
 * at rate 1 scored 76.5%. Eight delay groups scored 78.1% at rate 1, 80.2% at rate 2 and 79.7%
 * at rate 4, and sixteen groups scored 76.6% at rate 1. Eight groups at rate 2 with an output
 * threshold of 2 weights scored 78.7%, and with 3 weights 47.3% (4,882 training digits without
 * an output spike). A longer presentation gives the layer more spikes per digit: at eight groups and
 * rate 2, 1,400 ms scored 84.05% and 2,800 ms 83.85%. At 1,400 ms, rate 4 scored 82.10% and an
 * output threshold of 3 weights 69.10%, and an eligibility time constant of 1,200 ms (300 ms by
 * default) 82.20%. The task shows each digit for 1,400 ms.
 *
 * On 400-neuron features, the readout was trained on the first 6,000 digits of that order and
 * scored frozen on the last 2,000. Rate 2 scored 77.8%, rate 8 78.5%, soft bounds at rate 0.04
 * 79.55%, and two passes over the 6,000 at rate 8 78.65%. The weights learned at rate 8, used as
 * a linear readout of the layer's spike counts, scored 86.25% on the same digits. So most of the
 * loss came from how the output neurons decide (the first output spike, then inhibition).
 * Outputs that leak more slowly (`outputDecay` 4, about 500 ms) with a threshold of 4 weights
 * scored 84.40% at rate 8. The 400-neuron run in docs/results.md uses them.
 * NOTE: these three settings were tried at one value each and never on 100-neuron features, so
 * the defaults below stay the 100-neuron ones.
 */
const TASK_READOUT: Partial<RstdpReadoutOptions> = { delayGroups: 8, eta: 2, presentTicks: 2800 };

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
    else if (name === 'readoutBaselineTau') readout.rewardBaselineTau = value;
    else if (name === 'readoutDelayGroups') readout.delayGroups = value;
    else if (name === 'readoutPresentTicks') readout.presentTicks = value;
    else if (name === 'readoutTauEligibilityMs') readout.tauEligibilityMs = value;
    else if (name === 'readoutOutputDecay') readout.outputDecay = value;
    else if (!(READOUT_TUNABLE as readonly string[]).includes(name)) features[name] = value;
  }
  return { features, readout };
}

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const neurons = options.neurons ?? 100;
  const featureSamples = options.params['featureSamples'] ?? DIEHL_COOK_TRAIN_SAMPLES;
  const samples = options.samples ?? 8000;
  const testSamples = options.testSamples ?? 2000;
  const { features: featureParams, readout: readoutOverrides } = readoutParams(options.params);
  const readout = { ...TASK_READOUT, ...readoutOverrides };
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
  const frozen = { ...readout, features, plastic: false, readoutWeights: training.readoutWeights };
  const firstShowing = runReadout(
    frozen,
    'test',
    testSamples,
    options.seed,
    trained.thresholdOffset,
    (done, total) => options.progress('test', done, total),
  );
  const { run: test, retries } = retryUnanswered(
    frozen,
    firstShowing,
    'test',
    testSamples,
    options.seed,
    trained.thresholdOffset,
    DIEHL_COOK_RETRY,
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
      featuresFromCache: trained.fromCache,
      readout,
      trainingAccuracy: training.accuracy,
      unansweredTraining: training.unanswered,
      unansweredTest: test.unanswered,
      testRetry: { rateStepHz: DIEHL_COOK_RETRY.rateStepHz, maxRetries: DIEHL_COOK_RETRY.maxRetries },
      testRetries: retries,
      params: options.params,
      curve: training.curve,
    },
    artifacts: { readoutWeights: training.readoutWeights },
  });
}
