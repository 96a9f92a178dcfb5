/**
 * The leaky readout of fixed-mode e-prop, integer only (the float one is `./eprop-readout`).
 *
 * Widths (all saturating, none wraps):
 *
 *     weight W[k, j]       signed 24 bits, 12 fraction bits (4096 = 1.0)
 *     zbar[j]              unsigned 24 bits, 12 fraction bits (a spike adds 4096)
 *     y[k]                 signed 32 bits, 12 fraction bits
 *     pi[k], err[k]        16 fraction bits (pi sums to about 65536)
 *     gradW[k, j]          integer below 2^52 in magnitude, 28 fraction bits (err * zbar, exact)
 *
 * Per tick t, with `kappa = (4096 - d) / 4096` the readout leak (d the register of tauOutMs):
 *
 *     zbar[j] = sround(zbar[j] * kappa) + 4096 * z[j]
 *     y[k]    = sround(y[k] * kappa) + sum_j W[k, j] * z[j]
 *     pi[k]   = floor(EXP[m] * 2^16 / sum_k' EXP[m'])      m = (max y - y[k]) / 2^4, in 1/256 steps
 *     err[k]  = pi[k] - 2^16 * (k == target)               (0 for every k when the tick has no target)
 *     gradW[k, j] += err[k] * zbar[j]
 *
 * EXP[m] = round(2^16 * exp(-m / 256)) for m < 4096, 0 beyond (exp(-16) * 2^16 < 0.01), a table
 * built once; so the softmax is a table look-up and one integer division per class.
 * `sround` is the stochastic rounding of `./fixed-point`, drawing from the run's stream.
 *
 * There is no readout bias: a bias is summed by the leak every tick, so its step moves y by
 * step / (1 - kappa) and overshoots at any rate that trains the weights (the float task trainer
 * keeps its bias at zero for the same reason).
 *
 * The cross-entropy `loss` is a reporting figure computed in float from y; nothing learns from it.
 */
import type { RandomStream } from '../random';
import { DECAY_ONE } from '../fixed/arith';
import { stochasticRoundSigned } from './fixed-point';

export const READOUT_FRACTION_BITS = 12;
export const READOUT_ONE = 2 ** READOUT_FRACTION_BITS;
export const READOUT_WEIGHT_MAX = 2 ** 23 - 1;
export const PROBABILITY_FRACTION_BITS = 16;
export const PROBABILITY_ONE = 2 ** PROBABILITY_FRACTION_BITS;
/** Largest magnitude of a summed gradient; two such values still add exactly below 2^53. */
export const GRADIENT_LIMIT = 2 ** 52;

const VALUE_MAX = 2 ** 31 - 1;
const TRACE_MAX = 2 ** 24 - 1;
/** Bits of y dropped to index the exp table in steps of 1/256. */
const TABLE_SHIFT = READOUT_FRACTION_BITS - 8;
const TABLE_SIZE = 4096;
const EXP_TABLE = Int32Array.from({ length: TABLE_SIZE }, (_, m) =>
  Math.round(PROBABILITY_ONE * Math.exp(-m / 256)),
);

/** Clamps `value` to `-limit..limit`. */
export function saturate(value: number, limit: number): number {
  if (value > limit) return limit;
  if (value < -limit) return -limit;
  return value;
}

/** Decays an integer by the 12-bit factor `factor / 4096`, rounding stochastically. */
export function decayInteger(value: number, factor: number, random: RandomStream): number {
  return value === 0 ? 0 : stochasticRoundSigned(value * factor, 12, random);
}

export class FixedLeakyReadout {
  readonly size: number;
  readonly recurrentSize: number;
  readonly weights: Int32Array;
  readonly values: Int32Array;
  readonly probabilities: Int32Array;
  readonly error: Int32Array;
  readonly filteredSpikes: Int32Array;
  readonly gradWeights: Float64Array;
  /** The summed cross-entropy, for reports only. */
  readonly loss = new Float64Array(1);
  private readonly factor: number;
  private readonly random: RandomStream;

  constructor(
    size: number,
    decayRegister: number,
    weights: Int32Array,
    recurrentSize: number,
    random: RandomStream,
  ) {
    if (!Number.isInteger(size) || size < 2) {
      throw new RangeError(`readout.size: expected an integer number of classes >= 2, got ${size}`);
    }
    if (!Number.isInteger(decayRegister) || decayRegister < 1 || decayRegister > DECAY_ONE) {
      throw new RangeError(`readout.decayRegister: expected an integer in 1..4096, got ${decayRegister}`);
    }
    if (weights.length !== size * recurrentSize) {
      throw new RangeError(
        `readout.weights: expected ${size} x ${recurrentSize} values, got ${weights.length}`,
      );
    }
    this.size = size;
    this.recurrentSize = recurrentSize;
    this.factor = DECAY_ONE - decayRegister;
    this.weights = weights;
    this.random = random;
    this.values = new Int32Array(size);
    this.probabilities = new Int32Array(size);
    this.error = new Int32Array(size);
    this.filteredSpikes = new Int32Array(recurrentSize);
    this.gradWeights = new Float64Array(size * recurrentSize);
  }

  /** Runs one tick; returns whether the tick had a target (and so an error). */
  step(spikes: Uint8Array, target: number): boolean {
    const { size, recurrentSize, factor, random, weights, values, filteredSpikes } = this;
    for (let j = 0; j < recurrentSize; j++) {
      const decayed = decayInteger(filteredSpikes[j]!, factor, random);
      filteredSpikes[j] = Math.min(TRACE_MAX, decayed + (spikes[j] !== 0 ? READOUT_ONE : 0));
    }
    for (let k = 0; k < size; k++) {
      let input = 0;
      const row = k * recurrentSize;
      for (let j = 0; j < recurrentSize; j++) if (spikes[j] !== 0) input += weights[row + j]!;
      values[k] = saturate(decayInteger(values[k]!, factor, random) + input, VALUE_MAX);
    }
    this.updateProbabilities();

    if (target < 0) {
      this.error.fill(0);
      return false;
    }
    if (!Number.isInteger(target) || target >= size) {
      throw new RangeError(`target: expected -1 or a class in 0..${size - 1}, got ${target}`);
    }
    this.accumulate(target);
    return true;
  }

  private updateProbabilities(): void {
    const { size, values, probabilities } = this;
    let largest = values[0]!;
    for (let k = 1; k < size; k++) if (values[k]! > largest) largest = values[k]!;
    let total = 0;
    for (let k = 0; k < size; k++) {
      const m = Math.floor((largest - values[k]!) / 2 ** TABLE_SHIFT);
      probabilities[k] = m < TABLE_SIZE ? EXP_TABLE[m]! : 0;
      total += probabilities[k]!;
    }
    // The largest class reads EXP[0] = 2^16, so the total is never zero.
    for (let k = 0; k < size; k++)
      probabilities[k] = Math.floor((probabilities[k]! * PROBABILITY_ONE) / total);
  }

  private accumulate(target: number): void {
    const { size, recurrentSize, probabilities, error, filteredSpikes, gradWeights, values } = this;

    let largest = values[0]!;
    for (let k = 1; k < size; k++) if (values[k]! > largest) largest = values[k]!;
    let total = 0;
    for (let k = 0; k < size; k++) total += Math.exp((values[k]! - largest) / READOUT_ONE);
    this.loss[0]! += Math.log(total) - (values[target]! - largest) / READOUT_ONE;

    for (let k = 0; k < size; k++) {
      error[k] = probabilities[k]! - (k === target ? PROBABILITY_ONE : 0);
      const err = error[k]!;
      if (err === 0) continue;
      const row = k * recurrentSize;
      for (let j = 0; j < recurrentSize; j++) {
        gradWeights[row + j] = saturate(gradWeights[row + j]! + err * filteredSpikes[j]!, GRADIENT_LIMIT);
      }
    }
  }

  /**
   * Applies `W -= rate * gradW`: the sum is rounded to 12 fraction bits (sat at 2^28), multiplied
   * by the 24-fraction-bit rate register and rounded again to the weight's 12 fraction bits, both
   * stochastically. Clears the sums and the loss, returns the number of weights updated.
   */
  applyGradients(rateRegister: number): number {
    const { weights, gradWeights, random } = this;
    for (let n = 0; n < weights.length; n++) {
      const gradient = gradWeights[n]!;
      if (gradient === 0) continue;
      const coarse = saturate(stochasticRoundSigned(gradient, 16, random), 2 ** 28);
      const step = stochasticRoundSigned(coarse * rateRegister, 24, random);
      weights[n] = saturate(weights[n]! - step, READOUT_WEIGHT_MAX);
    }
    gradWeights.fill(0);
    this.loss[0] = 0;
    return weights.length;
  }
}
