/**
 * Shapes shared by the experiments: the options `npm run experiment` passes in, the progress
 * callback behind its progress bar, and the one JSON line every experiment prints.
 */
import type { NumericMode } from '../core/program';
import type { CurvePoint } from '../core/templates/readout-run';

export type { CurvePoint };

export interface ExperimentOptions {
  seed: number;
  mode: NumericMode;
  /** Training digits; each experiment has its own default. */
  samples?: number;
  /** Neurons of the learning layer; each experiment has its own default. */
  neurons?: number;
  /** Test digits scored (at most the 2,000 of the test split). */
  testSamples?: number;
  /** Training digits shown to the frozen network to label its neurons. */
  labelSamples?: number;
  /** Free-form numeric parameters of the experiment (`--param name=value`). */
  params: Record<string, number>;
  progress: (phase: string, done: number, total: number) => void;
}

export interface ExperimentResult {
  task: string;
  /** Accuracy on held-out test digits, with learning frozen. */
  accuracy: number;
  trainSamples: number;
  testSamples: number;
  wallS: number;
  synapticOps: number;
  /** Estimate from the activity counters (Loihi 2018 table), summed over every phase. */
  energyEstimateJ: number;
  seed: number;
  mode: NumericMode;
  /** Anything else worth keeping (neuron counts, parameters, curves). */
  details: Record<string, unknown>;
  /** Large outputs (learned weights) that `--save` writes and the printed line leaves out. */
  artifacts?: Record<string, unknown>;
}
