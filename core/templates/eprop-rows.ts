/**
 * Spec template of a recurrent ALIF network trained with e-prop on digits generated from MNIST as
 * sequences: the 28 rows of an image are shown one after the other, each for `ticksPerRow`
 * ticks, to 28 input neurons (one per column); pixel value x makes its column's input neuron
 * spike with probability x on each tick of its row. After the last row the input is silent for
 * `readTicks` ticks, and the leaky readout of the recurrent spikes is scored on those ticks.
 *
 * The spec has no data stimulus, because the stimulus schema has no row-sequence encoder: the
 * driver (`experiments/eprop-trainer.ts`) feeds the rows and the targets. Float mode only,
 * because e-prop is implemented in float mode only.
 *
 * Neurons: tau_syn 2 ms, tau_mem 20 ms, threshold 1 (weight scale), refractory 2 ms, and a
 * threshold offset that grows by `adaptInc` per spike and decays with tau `tauAdaptMs`, which
 * carries information across rows (Bellec et al. 2020 use adaptation for the same reason). A
 * weight of 1 moves the membrane by about one threshold.
 */
import type { Spec } from '../spec/schema';
import { parseSpec } from '../spec/parse';
import { MNIST_COLUMNS } from '../data/mnist-shape';

export const EPROP_ROWS_DT_MS = 1;

export interface EpropRowsOptions {
  /** Recurrent ALIF neurons. */
  neurons?: number;
  ticksPerRow?: number;
  /** Silent ticks after the last row during which the loss and the prediction are taken. */
  readTicks?: number;
  learningRate?: number;
  tauOutMs?: number;
  tauAdaptMs?: number;
  /** Threshold increment per spike, on the threshold's scale (1 doubles the threshold). */
  adaptInc?: number;
  /** Half-range of the uniform initial input weights. */
  inputWeightRange?: number;
  /** Half-range of the uniform initial recurrent weights. */
  recurrentWeightRange?: number;
  /**
   * Adds 28 cue inputs, one per row, the cue of row r spiking on every tick of row r, so the
   * network knows which row it sees; without them the row's position must be kept in the
   * network's own state.
   */
  rowCue?: boolean;
}

/** Input neurons: one per column, plus one per row with the row cue. */
export function epropRowsInputSize(options: EpropRowsOptions): number {
  return MNIST_COLUMNS * (options.rowCue === true ? 2 : 1);
}

/** Ticks one digit takes: every row, then the read-out window. */
export function epropRowsTicksPerSample(options: EpropRowsOptions): number {
  return (options.ticksPerRow ?? 4) * 28 + (options.readTicks ?? 20);
}

/** Returns the checked spec of the row-sequence e-prop network. */
export function epropRowsSpec(options: EpropRowsOptions = {}): Spec {
  const neurons = options.neurons ?? 100;
  const inputRange = options.inputWeightRange ?? 0.5;
  const recurrentRange = options.recurrentWeightRange ?? 0.1;
  const learning = {
    rule: 'eprop',
    learningRate: options.learningRate ?? 0.005,
    tauOutMs: options.tauOutMs ?? 50,
    feedback: 'symmetric',
    surrogateWidth: 0.5,
    wMin: -8,
    wMax: 8,
  };

  return parseSpec({
    apiVersion: 'livenet/v1',
    name: `eprop-rows-${neurons}`,
    chip: { profile: 'loihi2-like', mode: 'float' },
    dtMs: EPROP_ROWS_DT_MS,
    populations: [
      { name: 'rows', size: epropRowsInputSize(options), kind: 'input' },
      {
        name: 'rec',
        size: neurons,
        neuron: {
          model: 'alif',
          physical: {
            tauSynMs: 2,
            tauMemMs: 20,
            vth: 1,
            refractoryMs: 2,
            tauAdaptMs: options.tauAdaptMs ?? 200,
            adaptInc: options.adaptInc ?? 0.2,
          },
        },
      },
    ],
    projections: [
      {
        name: 'rows-rec',
        from: 'rows',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -inputRange, high: inputRange },
        learning,
      },
      {
        name: 'rec-rec',
        from: 'rec',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -recurrentRange, high: recurrentRange },
        learning,
      },
    ],
    readout: { population: 'rec', kind: 'linear', classes: 10 },
  });
}
