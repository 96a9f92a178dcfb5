/**
 * e-prop in `fixed` mode: the integer-only twin of `./eprop` (same step order, same equations as
 * `./eprop-eligibility`, detached reset), for the fixed-point LIF/ALIF neurons of the chip.
 *
 * Every value is an integer with a documented width; "sat" means it saturates at the limit, none
 * wraps. `sround(x, k)` is the stochastic rounding of `x / 2^k` of `./fixed-point`, drawing from
 * the stream given at creation (the simulator passes the seeded stream `learning/eprop`), in
 * synapse order, so a run is reproducible from its seed. State units are those of `u` and `v`
 * (a mantissa `m` of exponent `wExp` adds `m * 2^(wExp + 6)`).
 *
 *     U[i]   filtered presynaptic trace    unsigned 24 bits sat, state units
 *            U = sround(U * (4096 - (du + 1)), 12) + 2^(wExp + 6) * s[i]
 *     psi[j] damped surrogate              0..65536, 16 fraction bits (65536 = 1.0)
 *            q = rnd(65536 * W / (W + |x|)),  psi = rnd(rnd(q * q / 65536) * D / 4096)
 *            x = vPre - vth * 2^6 - a (state units), W = max(1, round(width * vth * 2^6)),
 *            D = round(damping * 4096) (12 bits); 0 on refractory ticks. This is the fast
 *            sigmoid 1 / (1 + |x| / W)^2; `rnd` rounds an integer quotient to the nearest
 *            integer (halves up), deterministic because both operands are exact integers. Far
 *            from the threshold psi is tiny, so truncating it instead would bias it by a large
 *            fraction of itself, and 16 bits keep it within 2^-17 absolute.
 *     P, S   membrane / offset derivative  signed 24 bits sat, state units, per synapse
 *            A = sround(S * (4096 - dThreshold), 12)                   (ALIF; 0 for LIF)
 *            Vpre = P on a refractory tick, else sround(P * (4096 - dv), 12) + U[i]
 *            P = Vpre                                                  (reset detached)
 *            S = A + adaptInc * 2^6 * e / 2^4                           (sround, ALIF)
 *     e      eligibility                   signed 28 bits sat, 4 fraction bits
 *            e = sround(psi * (Vpre - A), 16 - 4)
 *     ebar   e filtered by the readout     signed 32 bits sat, 4 fraction bits
 *            ebar = sround(ebar * kappa, 12) + e
 *     L[j]   learning signal               signed 22 bits sat, 12 fraction bits
 *            L = sround(sum_k B[j, k] * err[k], 16)     (B: 12 fraction bits, err: 16)
 *     grad   per synapse                   |grad| < 2^52 sat, 16 fraction bits, exact sum of L * ebar
 *
 * `applyGradients` does `w -= lr * grad` on the Int8 mantissas: `g = sround(grad, 16)` (whole
 * units, sat at 2^28), then `dw = sround(g * round(lr * 2^24), 24)` whole mantissa steps, then the
 * clamp to [wMin, wMax] (-128..127). The readout is `./eprop-fixed-readout`. Random feedback
 * B[j, k] is a uniform integer in [-R, R], R = round(4096 * sqrt(3 / recurrentSize)); symmetric
 * feedback reads the readout weights. All products stay below 2^53, so plain numbers are exact.
 *
 * Why these widths: U, P, S and Vpre share the 24-bit range of `v`. e carries 4 fraction bits, so
 * a damped surrogate times a one-spike trace (0.3 * 64) keeps about 1/300 relative resolution.
 * The gradient sums exactly, so the only rounding between eligibility and weight is the final
 * one, whose expected value is the exact step.
 */
import type { NeuronRegisters } from '../program';
import type { RandomStream } from '../random';
import { DECAY_ONE, STATE_SHIFT_SCALE } from '../fixed/arith';
import type { WeightBounds } from './bounds';
import { stochasticRoundSigned } from './fixed-point';
import {
  decayInteger,
  FixedLeakyReadout,
  GRADIENT_LIMIT,
  PROBABILITY_FRACTION_BITS,
  saturate,
} from './eprop-fixed-readout';
import { restoreArray } from './projection-setup';
import type { RuleState } from './types';

export const ELIGIBILITY_FRACTION_BITS = 4;
export const SURROGATE_FRACTION_BITS = 16;
export const SURROGATE_ONE = 2 ** SURROGATE_FRACTION_BITS;
const DAMPING_ONE = 4096;
export const RATE_FRACTION_BITS = 24;
const STATE_LIMIT = 2 ** 23 - 1;
const TRACE_LIMIT = 2 ** 24 - 1;
const ELIGIBILITY_LIMIT = 2 ** 27 - 1;
const FILTERED_LIMIT = 2 ** 31 - 1;
const SIGNAL_LIMIT = 2 ** 21 - 1;
const COARSE_GRADIENT_LIMIT = 2 ** 28;

/** One projection into the recurrent population, in the simulator's CSR layout. */
export interface FixedEpropProjection {
  preSize: number;
  rowPtr: Int32Array;
  post: Int32Array;
  /** Int8 mantissas, mutated by `applyGradients`. */
  weights: Int8Array;
  wExp: number;
}

export interface FixedEpropConfig {
  recurrentSize: number;
  registers: NeuronRegisters;
  input: FixedEpropProjection;
  recurrent: FixedEpropProjection | null;
  readout: {
    size: number;
    /** 12-bit register of the readout time constant. */
    decayRegister: number;
    /** Row-major `[class * recurrentSize + neuron]`, 12 fraction bits, mutated by learning. */
    weights: Int32Array;
  };
  feedback: 'symmetric' | 'random';
  learningRate: number;
  /** Rate of the readout weights; `learningRate` when absent. */
  readoutLearningRate?: number;
  updateEveryTicks: number | null;
  /** Half-power width of the fast sigmoid on the `vth` scale (the spec's `surrogateWidth`). */
  surrogateWidth: number;
  /** Factor on the surrogate, 0..1 (e-prop's published value is 0.3). */
  surrogateDamping: number;
  bounds: WeightBounds;
}

/** Values of one tick t after the neuron update, as the fixed kernel computed them. */
export interface FixedEpropTickInput {
  inputArrivals: Uint8Array;
  recurrentArrivals: Uint8Array | null;
  spikes: Uint8Array;
  /** 1 where the neuron was refractory at t (no update of v, no spike). */
  refractory: Uint8Array;
  /** v after integration and before the reset, state units (ignored on refractory ticks). */
  membraneBeforeReset: Int32Array;
  /** Threshold offset tested at t (after its decay, before the spike's increment); null for LIF. */
  thresholdOffset: Int32Array | null;
  target: number;
}

export interface FixedEpropLearner {
  step(tick: number, input: FixedEpropTickInput): number;
  /** Readout values y, 12 fraction bits. */
  readout(): Int32Array;
  /** Softmax of the readout, 16 fraction bits. */
  probabilities(): Int32Array;
  loss(): number;
  /** Gradient sums (input, recurrent: 16 fraction bits; readout: 28 fraction bits). */
  gradients(): { input: Float64Array; recurrent: Float64Array | null; readout: Float64Array };
  applyGradients(): number;
  /**
   * Clears what one sequence leaves behind (eligibility traces, readout values and filtered
   * spikes) as at creation; keeps the weights and the gradient sums.
   */
  resetSequence(): void;
  getState(): RuleState;
  setState(state: RuleState): void;
}

class FixedEligibility {
  readonly projection: FixedEpropProjection;
  readonly presynapticTrace: Int32Array;
  readonly membraneDerivative: Int32Array;
  readonly offsetDerivative: Int32Array;
  readonly filteredEligibility: Int32Array;
  readonly gradient: Float64Array;
  private readonly scale: number;

  constructor(projection: FixedEpropProjection, name: string, postSize: number) {
    const { preSize, rowPtr, post, weights, wExp } = projection;
    if (rowPtr.length !== preSize + 1 || rowPtr[preSize] !== post.length || weights.length !== post.length) {
      throw new RangeError(
        `${name}: expected rowPtr of ${preSize + 1} entries ending at ${post.length} and one weight per synapse`,
      );
    }
    for (let s = 0; s < post.length; s++) {
      if (post[s]! < 0 || post[s]! >= postSize) {
        throw new RangeError(
          `${name}.post[${s}]: expected a neuron index in 0..${postSize - 1}, got ${post[s]}`,
        );
      }
    }
    if (!Number.isInteger(wExp) || wExp < 0 || wExp > 7) {
      throw new RangeError(`${name}.wExp: expected an integer in 0..7, got ${wExp}`);
    }
    this.projection = projection;
    this.scale = 2 ** (wExp + 6);
    this.presynapticTrace = new Int32Array(preSize);
    this.membraneDerivative = new Int32Array(post.length);
    this.offsetDerivative = new Int32Array(post.length);
    this.filteredEligibility = new Int32Array(post.length);
    this.gradient = new Float64Array(post.length);
  }

  advance(arrivals: Uint8Array, tick: NeuronValues, constants: Constants, random: RandomStream): number {
    const { rowPtr, post, preSize } = this.projection;
    const { currentFactor, voltageFactor, offsetFactor, adaptIncrement, readoutFactor } = constants;
    const { refractory, surrogate, signal } = tick;
    const trace = this.presynapticTrace;
    const P = this.membraneDerivative;
    const S = this.offsetDerivative;
    const ebar = this.filteredEligibility;
    const gradient = this.gradient;
    const adaptive = adaptIncrement !== 0;

    for (let i = 0; i < preSize; i++) {
      const decayed = decayInteger(trace[i]!, currentFactor, random);
      trace[i] = Math.min(TRACE_LIMIT, decayed + (arrivals[i] !== 0 ? this.scale : 0));
    }

    for (let i = 0; i < preSize; i++) {
      const inputTrace = trace[i]!;
      const stop = rowPtr[i + 1]!;
      for (let s = rowPtr[i]!; s < stop; s++) {
        const j = post[s]!;
        const offset = adaptive ? decayInteger(S[s]!, offsetFactor, random) : 0;
        const preReset =
          refractory[j] !== 0
            ? P[s]!
            : saturate(decayInteger(P[s]!, voltageFactor, random) + inputTrace, STATE_LIMIT);
        const psi = surrogate[j]!;
        const e =
          psi === 0
            ? 0
            : saturate(
                stochasticRoundSigned(
                  psi * (preReset - offset),
                  SURROGATE_FRACTION_BITS - ELIGIBILITY_FRACTION_BITS,
                  random,
                ),
                ELIGIBILITY_LIMIT,
              );

        P[s] = preReset;
        if (adaptive) {
          const growth =
            e === 0 ? 0 : stochasticRoundSigned(adaptIncrement * e, ELIGIBILITY_FRACTION_BITS, random);
          S[s] = saturate(offset + growth, STATE_LIMIT);
        }
        const filtered = saturate(decayInteger(ebar[s]!, readoutFactor, random) + e, FILTERED_LIMIT);
        ebar[s] = filtered;
        const l = signal[j]!;
        if (l !== 0 && filtered !== 0) gradient[s] = saturate(gradient[s]! + l * filtered, GRADIENT_LIMIT);
      }
    }
    return post.length;
  }
}

interface NeuronValues {
  refractory: Uint8Array;
  surrogate: Int32Array;
  signal: Int32Array;
}

interface Constants {
  currentFactor: number;
  voltageFactor: number;
  offsetFactor: number;
  adaptIncrement: number;
  readoutFactor: number;
}

function register(value: number, bits: number, path: string, max: number): number {
  const scaled = Math.round(value * 2 ** bits);
  if (!Number.isFinite(value) || scaled < 1 || scaled > max) {
    throw new RangeError(
      `${path}: ${value} is outside the fixed-mode range ${2 ** -(bits + 1)}..${max / 2 ** bits} (${bits} fraction bits)`,
    );
  }
  return scaled;
}

/** Creates the integer e-prop learner; `random` draws the feedback weights and every rounding. */
export function createFixedEpropLearner(config: FixedEpropConfig, random: RandomStream): FixedEpropLearner {
  const { recurrentSize: size, registers } = config;
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`recurrentSize: expected an integer >= 1, got ${size}`);
  }
  if (
    config.updateEveryTicks !== null &&
    (!Number.isInteger(config.updateEveryTicks) || config.updateEveryTicks < 1)
  ) {
    throw new RangeError(
      `updateEveryTicks: expected an integer >= 1 or null, got ${config.updateEveryTicks}`,
    );
  }
  const rate = register(config.learningRate, RATE_FRACTION_BITS, 'learningRate', 2 ** RATE_FRACTION_BITS);
  const readoutRate = register(
    config.readoutLearningRate ?? config.learningRate,
    RATE_FRACTION_BITS,
    'readoutLearningRate',
    2 ** RATE_FRACTION_BITS,
  );
  const damping = register(config.surrogateDamping, 12, 'surrogateDamping', DAMPING_ONE);
  if (!(config.surrogateWidth > 0) || !Number.isFinite(config.surrogateWidth)) {
    throw new RangeError(`surrogateWidth: expected a finite number > 0, got ${config.surrogateWidth}`);
  }
  const threshold = registers.vth * STATE_SHIFT_SCALE;
  const width = Math.max(1, Math.round(config.surrogateWidth * threshold));

  const readout = new FixedLeakyReadout(
    config.readout.size,
    config.readout.decayRegister,
    config.readout.weights,
    size,
    random,
  );
  const classes = readout.size;
  const projections = [new FixedEligibility(config.input, 'input', size)];
  if (config.recurrent !== null) projections.push(new FixedEligibility(config.recurrent, 'recurrent', size));

  const feedback = new Int32Array(size * classes);
  if (config.feedback === 'random') {
    const range = Math.round(4096 * Math.sqrt(3 / size));
    for (let n = 0; n < feedback.length; n++) feedback[n] = random.nextInt(2 * range + 1) - range;
  }

  const constants: Constants = {
    currentFactor: DECAY_ONE - (registers.du + 1),
    voltageFactor: DECAY_ONE - registers.dv,
    offsetFactor: DECAY_ONE - registers.dThreshold,
    adaptIncrement: registers.adaptInc * STATE_SHIFT_SCALE,
    readoutFactor: DECAY_ONE - config.readout.decayRegister,
  };
  const tick: NeuronValues = {
    refractory: new Uint8Array(size),
    surrogate: new Int32Array(size),
    signal: new Int32Array(size),
  };

  function prepareNeurons(input: FixedEpropTickInput): void {
    const { spikes, refractory, membraneBeforeReset, thresholdOffset } = input;
    if (spikes.length !== size || refractory.length !== size || membraneBeforeReset.length !== size) {
      throw new RangeError(`spikes, refractory, membraneBeforeReset: expected ${size} values each`);
    }
    if (constants.adaptIncrement !== 0 && (thresholdOffset === null || thresholdOffset.length !== size)) {
      throw new RangeError(`thresholdOffset: an adaptive population needs ${size} tested offsets per tick`);
    }
    for (let j = 0; j < size; j++) {
      tick.refractory[j] = refractory[j]!;
      if (refractory[j] !== 0) {
        tick.surrogate[j] = 0;
        continue;
      }
      const offset = thresholdOffset === null ? 0 : thresholdOffset[j]!;
      const distance = Math.abs(membraneBeforeReset[j]! - threshold - offset);
      const q = Math.round((SURROGATE_ONE * width) / (width + distance));
      tick.surrogate[j] = Math.round((Math.round((q * q) / SURROGATE_ONE) * damping) / DAMPING_ONE);
    }
  }

  function computeLearningSignal(): void {
    const error = readout.error;
    for (let j = 0; j < size; j++) {
      let signal = 0;
      for (let k = 0; k < classes; k++) {
        const weight =
          config.feedback === 'symmetric' ? readout.weights[k * size + j]! : feedback[j * classes + k]!;
        signal += weight * error[k]!;
      }
      tick.signal[j] = saturate(
        stochasticRoundSigned(signal, PROBABILITY_FRACTION_BITS, random),
        SIGNAL_LIMIT,
      );
    }
  }

  function applyGradients(): number {
    let updates = 0;
    for (const eligibility of projections) {
      const { weights } = eligibility.projection;
      const gradient = eligibility.gradient;
      const { wMin, wMax } = config.bounds;
      for (let s = 0; s < weights.length; s++) {
        if (gradient[s] === 0) continue;
        const coarse = saturate(stochasticRoundSigned(gradient[s]!, 16, random), COARSE_GRADIENT_LIMIT);
        const step = stochasticRoundSigned(coarse * rate, RATE_FRACTION_BITS, random);
        weights[s] = Math.min(wMax, Math.max(wMin, weights[s]! - step));
      }
      gradient.fill(0);
      updates += weights.length;
    }
    return updates + readout.applyGradients(readoutRate);
  }

  return {
    step(t, input) {
      prepareNeurons(input);
      if (readout.step(input.spikes, input.target)) computeLearningSignal();
      else tick.signal.fill(0);

      let updates = projections[0]!.advance(input.inputArrivals, tick, constants, random);
      if (projections[1] !== undefined) {
        if (input.recurrentArrivals === null) {
          throw new RangeError(
            'recurrentArrivals: a network with a recurrent projection needs them every tick',
          );
        }
        updates += projections[1].advance(input.recurrentArrivals, tick, constants, random);
      }
      if (config.updateEveryTicks !== null && t % config.updateEveryTicks === 0) updates += applyGradients();
      return updates;
    },
    readout: () => readout.values,
    probabilities: () => readout.probabilities,
    loss: () => readout.loss[0]!,
    gradients: () => ({
      input: projections[0]!.gradient,
      recurrent: projections[1]?.gradient ?? null,
      readout: readout.gradWeights,
    }),
    applyGradients,

    resetSequence() {
      readout.values.fill(0);
      readout.probabilities.fill(0);
      readout.error.fill(0);
      readout.filteredSpikes.fill(0);
      for (const eligibility of projections) {
        eligibility.presynapticTrace.fill(0);
        eligibility.membraneDerivative.fill(0);
        eligibility.offsetDerivative.fill(0);
        eligibility.filteredEligibility.fill(0);
      }
    },

    getState(): RuleState {
      const state: RuleState = {
        feedback: feedback.slice(),
        'readout.weights': readout.weights.slice(),
        'readout.values': readout.values.slice(),
        'readout.filteredSpikes': readout.filteredSpikes.slice(),
        'readout.gradWeights': readout.gradWeights.slice(),
        'readout.loss': readout.loss.slice(),
      };
      projections.forEach((p, n) => {
        for (const [key, array] of eligibilityArrays(p)) state[`${n}.${key}`] = array.slice();
      });
      return state;
    },

    setState(state) {
      restoreArray(state, 'feedback', feedback);
      restoreArray(state, 'readout.weights', readout.weights);
      restoreArray(state, 'readout.values', readout.values);
      restoreArray(state, 'readout.filteredSpikes', readout.filteredSpikes);
      restoreArray(state, 'readout.gradWeights', readout.gradWeights);
      restoreArray(state, 'readout.loss', readout.loss);
      projections.forEach((p, n) => {
        for (const [key, array] of eligibilityArrays(p)) restoreArray(state, `${n}.${key}`, array);
      });
    },
  };
}

function eligibilityArrays(p: FixedEligibility): [string, Int32Array | Float64Array][] {
  return [
    ['presynapticTrace', p.presynapticTrace],
    ['membraneDerivative', p.membraneDerivative],
    ['offsetDerivative', p.offsetDerivative],
    ['filteredEligibility', p.filteredEligibility],
    ['gradient', p.gradient],
  ];
}
