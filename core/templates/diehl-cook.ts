/**
 * Spec template of the unsupervised digit network of Diehl and Cook (2015), "Unsupervised
 * learning of digit recognition using spike-timing-dependent plasticity", Frontiers in
 * Computational Neuroscience 9:99, in the chip's current-based model.
 *
 * Network: 784 Poisson inputs (pixel value x fires at `x * 63.75 Hz`, the paper's rate) project
 * densely onto N adaptive excitatory neurons through plastic weights; every excitatory spike
 * inhibits all the other excitatory neurons directly (one lateral projection with negative
 * weights, no self-connection), which stands in for the paper's separate inhibitory layer.
 * Presentation 350 ms, rest 150 ms, dt 0.5 ms: 1,000 ticks a digit. Incoming weights of every
 * excitatory neuron are scaled back to sum 78 (of 784 weights of at most 1.0) after every
 * presentation and before the first, as in the paper.
 *
 * Scale: a weight of 1.0 in the paper is the mantissa 127 (`WEIGHT_ONE`); the input projection's
 * exponent 1 makes it add 254 units of 2^6 to the current, and one millivolt is that much
 * (`UNITS_PER_MV`), so a threshold of `t` mV is `vth = round(254 * t)`. The exponent buys the
 * threshold increment a resolution of 1/254 mV, which the small increments of long runs need. The synaptic current decays completely every tick (`du = 4095`), so a
 * spike moves the membrane at once, as in the current-based replications (BindsNET).
 *
 * Where the defaults leave the paper, and why:
 * - The chip cannot reset the membrane between digits and its inhibition is not bounded below
 *   (the paper's inhibitory conductance stops at its reversal potential). With the paper's
 *   100 ms membrane, the losers of one digit were still far below rest when the next began, so
 *   the last winner won again whatever the digit. A 30 ms membrane lets the 150 ms rest erase
 *   that (exp(-5) of it remains); the threshold distance drops from 13 to 4 mV so that the
 *   shorter integration still reaches it, and inhibition rises from 17 to 60 mV per spike.
 * - The threshold offset never decays: the chip's slowest decay (register 1) has a time
 *   constant of four digits, far from the paper's 10^4 s. Without decay the offsets only grow,
 *   and once they pass what a digit can drive, the layer falls silent (the paper then shows the
 *   digit again at a higher rate, which a data stream cannot do). So the increment per spike
 *   scales with the run, `2 mV * neurons / samples` (0.025 mV for 100 neurons and 8,000
 *   digits), which gives each neuron a growth of about 2 mV per spike it makes per digit,
 *   whatever the run's length; the paper's fixed 0.05 mV assumes 60,000 digits or more.
 * - Potentiation is 0.005 per pairing (paper: 0.01): with 8,000 digits instead of 60,000, each
 *   neuron wins about 80 digits, and the smaller step averages more of them into its field.
 * - Learning is pair STDP with hard bounds (the paper adds a second post trace and a soft
 *   power-law bound), and the membrane rests and resets at 0 (the paper resets 5 mV above rest).
 * These values were chosen on validation digits cut from the training split, never the test split.
 */
import type { NumericMode } from '../program';
import type { Spec, SpecInput } from '../spec/schema';
import { parseSpec } from '../spec/parse';
import { MNIST_PIXELS } from '../data/mnist-shape';

/** Changes whenever the template's network changes, so that stored trained layers are not reused. */
export const DIEHL_COOK_TEMPLATE_VERSION = 2;
/** Mantissa of the paper's weight 1.0. */
export const WEIGHT_ONE = 127;
/** Poisson rate of a pixel of value 1, the paper's 63.75 Hz (a pixel level of 255 divided by 4). */
export const DIEHL_COOK_MAX_RATE_HZ = 63.75;
/** Exponent of the input projection: a weight of 1.0 adds `127 * 2^1` units of 2^6. */
const INPUT_WEIGHT_EXP = 1;
/** Threshold units (2^6 of the membrane) per millivolt: what a weight of 1.0 adds. */
export const UNITS_PER_MV = WEIGHT_ONE * 2 ** INPUT_WEIGHT_EXP;
export const DIEHL_COOK_DT_MS = 0.5;
export const DIEHL_COOK_PRESENT_TICKS = 700;
export const DIEHL_COOK_REST_TICKS = 300;

export interface DiehlCookOptions {
  /** Excitatory neurons. */
  neurons: number;
  /** Digits presented, drawn from `split` in a seeded order. */
  samples: number;
  split?: 'train' | 'test';
  /** Global indices of the digits to present instead of the seeded order, one per sample. */
  indices?: number[];
  mode?: NumericMode;
  /** Learning on the input weights; false gives the frozen network used for labelling and testing. */
  plastic?: boolean;
  /** Threshold increment per spike, in mV (default `2 * neurons / samples`). */
  thetaMv?: number;
  /**
   * Decay register of the threshold offset (0 keeps it forever; 1 is the slowest decay the chip
   * has, 1/4096 per tick, a time constant of 4,096 ticks or about four digits).
   */
  thetaDecay?: number;
  /** Inhibition of every other excitatory neuron per spike, in mV (default 60, paper 17). */
  inhibitionMv?: number;
  /** Sum of each neuron's incoming weights after normalisation, in weights of 1.0. */
  weightSum?: number;
  /** Distance from rest to the base threshold, in mV (default 4, paper 13). */
  thresholdMv?: number;
  /** Membrane time constant, in ms (default 30, paper 100). */
  tauMemMs?: number;
  /** Rate of a pixel of value 1, in Hz. */
  maxRateHz?: number;
  /** STDP amplitudes per pairing, in weights of 1.0 (defaults 0.005 and 0.0001; paper 0.01 and 0.0001). */
  aPlus?: number;
  aMinus?: number;
  /**
   * Ticks each digit is shown (default `DIEHL_COOK_PRESENT_TICKS`, 350 ms). Training keeps the
   * default; the frozen copies that label and test may show digits longer.
   */
  presentTicks?: number;
  /** Upper end of the uniform initial weights, in weights of 1.0 (paper: 0.3). */
  initialWeightMax?: number;
  /** Explicit input weights `[input][neuron]` (mantissa scale) instead of the random start. */
  inputWeights?: number[][];
}

/** Returns the checked spec of a Diehl-and-Cook network with `options.neurons` excitatory neurons. */
export function diehlCookSpec(options: DiehlCookOptions): Spec {
  return parseSpec(diehlCookDocument(options));
}

/** Returns the spec document before checking, for templates that build on this network. */
export function diehlCookDocument(options: DiehlCookOptions): SpecInput {
  const mode = options.mode ?? 'fixed';
  const plastic = options.plastic ?? true;
  const neurons = options.neurons;
  const thetaMv = options.thetaMv ?? (2 * neurons) / options.samples;
  const inhibitionMv = options.inhibitionMv ?? 60;
  const weightSum = options.weightSum ?? 78;
  const initialMax = options.initialWeightMax ?? 0.3;

  // Inhibition may exceed one mantissa's range; a projection-wide exponent carries the rest.
  const inhibitionExp = Math.max(0, Math.ceil(Math.log2((inhibitionMv * UNITS_PER_MV) / 128)));
  const inhibitionMantissa = -Math.round((inhibitionMv * UNITS_PER_MV) / 2 ** inhibitionExp);

  const inputWeights =
    options.inputWeights !== undefined
      ? { values: options.inputWeights }
      : { init: 'uniform' as const, low: 0, high: Math.round(initialMax * WEIGHT_ONE) };

  return {
    apiVersion: 'livenet/v1',
    name: `diehl-cook-${neurons}`,
    chip: { profile: 'loihi2-like', mode },
    dtMs: DIEHL_COOK_DT_MS,
    populations: [
      { name: 'input', size: MNIST_PIXELS, kind: 'input' },
      {
        name: 'exc',
        size: neurons,
        neuron: {
          model: 'alif',
          registers: {
            du: 4095,
            // tau 30 ms at dt 0.5 ms gives round(4096 * (1 - exp(-1 / 60))) = 68.
            dv: Math.round(4096 * (1 - Math.exp(-DIEHL_COOK_DT_MS / (options.tauMemMs ?? 30)))),
            vth: Math.round((options.thresholdMv ?? 4) * UNITS_PER_MV),
            // 5 ms at dt 0.5 ms.
            refractory: 10,
            dThreshold: plastic ? (options.thetaDecay ?? 0) : 0,
            adaptInc: plastic ? Math.round(thetaMv * UNITS_PER_MV) : 0,
          },
        },
      },
    ],
    projections: [
      {
        name: 'input-exc',
        from: 'input',
        to: 'exc',
        connectivity: { kind: 'dense' },
        weights: inputWeights,
        wExp: INPUT_WEIGHT_EXP,
        delay: 0,
        ...(plastic
          ? {
              learning: {
                rule: 'stdp',
                aPlus: (options.aPlus ?? 0.005) * WEIGHT_ONE,
                aMinus: (options.aMinus ?? 0.0001) * WEIGHT_ONE,
                tauPreMs: 20,
                tauPostMs: 20,
                wMin: 0,
                wMax: WEIGHT_ONE,
                bound: 'hard',
                normalize: { sum: weightSum * WEIGHT_ONE },
              },
            }
          : {}),
      },
      {
        name: 'exc-exc',
        from: 'exc',
        to: 'exc',
        connectivity: { kind: 'dense', autapses: false },
        weights: { init: 'constant', value: inhibitionMantissa },
        wExp: inhibitionExp,
        delay: 0,
      },
    ],
    stimulus: [
      {
        population: 'input',
        encoder: { kind: 'poisson', maxRateHz: options.maxRateHz ?? DIEHL_COOK_MAX_RATE_HZ },
        data: {
          dataset: 'mnist',
          split: options.split ?? 'train',
          samples: options.samples,
          presentTicks: options.presentTicks ?? DIEHL_COOK_PRESENT_TICKS,
          restTicks: DIEHL_COOK_REST_TICKS,
          ...(options.indices !== undefined ? { indices: options.indices } : {}),
        },
      },
    ],
    record: { spikes: ['exc'] },
    readout: { population: 'exc', kind: 'vote', classes: 10 },
  };
}
