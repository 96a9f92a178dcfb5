/**
 * Task 3: e-prop on digits generated from MNIST as row sequences (`core/templates/eprop-rows.ts`,
 * driven by `core/templates/eprop-rows-trainer.ts`).
 *
 * e-prop exists in float mode only, so this task runs in float mode whatever `--mode` says.
 * Trains online on `samples` training digits (the seeded order repeats after the 8,000 of the
 * split), then scores the test digits with learning frozen. The learning curve is the training
 * accuracy over each block of 500 digits, each digit scored before its own update.
 */
import { createCounters } from '../core/energy/counters';
import { estimateEnergy } from '../core/energy/estimate';
import { mnistSplit } from '../core/data/mnist';
import type { EpropRowsTrainerOptions } from '../core/templates/eprop-rows-trainer';
import { EPROP_ROWS_TASK_SETTINGS, EpropRowsTrainer } from '../core/templates/eprop-rows-trainer';
import type { CurvePoint, ExperimentOptions, ExperimentResult } from './types';

const BLOCK = 500;

/**
 * Size and length of the task, chosen on 2,000 validation digits cut from the training split
 * (seed 1, 6,000 training digits, the step dropping to 0.3 times after every pass). With 100
 * neurons the network scored 90.95% after two passes and 91.65% after three. With 200 neurons
 * it scored 91.55% and 92.90%, and 92.70% after a fourth pass.
 */
export const EPROP_TASK_NEURONS = 200;
export const EPROP_TASK_SAMPLES = 24000;

/**
 * Runs of each test digit, from rest with fresh input spikes. Their readout scores add up before
 * the prediction. The row encoder draws each pixel's spikes at random, so one run receives a noisy copy
 * of the digit. On the validation digits above (200 neurons, three passes), one run scored
 * 92.45%, two 93.40% and four 93.25%, so the task takes two. Each extra run costs a whole
 * digit's inference. NOTE: that one-run figure is 0.45 points below the 92.90% measured before
 * with the same settings. The cause was not found.
 */
export const EPROP_TEST_REPEATS = 2;

const NUMERIC = [
  'ticksPerRow',
  'readTicks',
  'learningRate',
  'tauOutMs',
  'tauAdaptMs',
  'adaptInc',
  'inputWeightRange',
  'recurrentWeightRange',
  'learningRateDecayEvery',
  'learningRateDecayFactor',
] as const;
const FLAGS = ['rowCue', 'lossOnAllTicks'] as const;

/** Turns `--param` values into trainer options (flags take 0 or 1). */
export function trainerParams(params: Record<string, number>): Partial<EpropRowsTrainerOptions> {
  const out: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    if ((NUMERIC as readonly string[]).includes(name)) out[name] = value;
    else if ((FLAGS as readonly string[]).includes(name)) out[name] = value !== 0;
    else
      throw new RangeError(`--param ${name}: unknown; expected one of ${[...NUMERIC, ...FLAGS].join(', ')}`);
  }
  return out;
}

export async function run(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const samples = options.samples ?? EPROP_TASK_SAMPLES;
  // Checked before training, so a bad value does not cost a whole training run.
  const testRepeats = options.params['testRepeats'] ?? EPROP_TEST_REPEATS;
  if (!Number.isSafeInteger(testRepeats) || testRepeats < 1) {
    throw new RangeError(
      `--param testRepeats: expected a whole number of runs per test digit, at least 1, got ${testRepeats}`,
    );
  }
  const testSamples = options.testSamples ?? 2000;
  const neurons = options.neurons ?? EPROP_TASK_NEURONS;
  const settings: EpropRowsTrainerOptions = {
    ...EPROP_ROWS_TASK_SETTINGS,
    ...trainerParams(
      Object.fromEntries(Object.entries(options.params).filter(([name]) => name !== 'testRepeats')),
    ),
    neurons,
    trainSamples: mnistSplit('train').indices.length,
  };
  const trainer = new EpropRowsTrainer(settings, options.seed);

  const curve: CurvePoint[] = [];
  for (let done = 0; done < samples;) {
    const block = Math.min(BLOCK, samples - done);
    const correct = trainer.train(block);
    done += block;
    curve.push({ samples: done, accuracy: correct / block });
    options.progress('train', done, samples);
  }
  const accuracy = trainer.evaluate(
    'test',
    testSamples,
    (done) => options.progress('test', done, testSamples),
    testRepeats,
  );

  // The trainer counts synaptic events and learning updates; every neuron updates every tick.
  const counters = createCounters();
  counters.synapticOps = trainer.synapticOps;
  counters.learningUpdates = trainer.learningUpdates;
  counters.activeNeuronUpdates = neurons * trainer.ticksPerSample * trainer.digitsRun;

  return Promise.resolve({
    task: 'eprop-rows',
    accuracy,
    trainSamples: samples,
    testSamples,
    wallS: (performance.now() - started) / 1000,
    synapticOps: counters.synapticOps,
    energyEstimateJ: estimateEnergy(counters).joules,
    seed: options.seed,
    mode: 'float',
    details: { neurons, settings, curve, ticksPerSample: trainer.ticksPerSample, testRepeats },
  });
}
