/**
 * Widths, scales and stochastic rounding of fixed-mode learning.
 *
 * Every quantity is an integer with a documented number of fraction bits:
 *
 *     trace          unsigned 16 bits, 8 fraction bits: an event adds 256 (= 1.0), saturates at
 *                    65535 (= 255.996). Lava's fixed-point Loihi learning engine uses 7-bit
 *                    traces (`W_TRACE` in lava-nc/lava, magma/core/learning/constants.py); these
 *                    are wider so that the rounding noise of the decay stays near 1/256 of an event.
 *     amplitude      aPlus, aMinus as round(A * 2^16), 0 .. 2^23 - 1 (A below 128 mantissas)
 *     weight change  amplitude * trace has 16 + 8 = 24 fraction bits of a mantissa unit; it is
 *                    rounded stochastically to a whole mantissa step before the clamp
 *     eligibility    signed 24 bits (saturating at +-(2^23 - 1)), 12 fraction bits of a mantissa
 *     reward         eta * r as round(eta * r * 2^12), magnitude below 2^22 (|eta * r| < 1024);
 *                    reward * eligibility has 24 fraction bits, like a weight change
 *
 * A decay multiplies by the 12-bit factor `4096 - d`, where `d = round(4096 * (1 - exp(-dt/tau)))`
 * is the time constant's register, and rounds the 12 dropped bits stochastically.
 *
 * Stochastic rounding of `n / 2^k` (n >= 0) returns `floor(n / 2^k) + 1` with probability equal to
 * the dropped fraction `(n mod 2^k) / 2^k`, otherwise the floor, so its expected value is exactly
 * `n / 2^k`. It draws one uint32 from the run's learning stream only when the fraction is not zero
 * (exact values stay exact and cost no draw), and compares its top k bits with the fraction.
 * Negative values round their magnitude the same way, so the rounding is symmetric around zero.
 * All products stay below 2^53, so plain numbers are exact.
 */
import type { RandomStream } from '../random';
import { DECAY_ONE } from '../fixed/arith';

export const TRACE_FRACTION_BITS = 8;
/** Trace increment of one event: 1.0 in the trace's fixed-point scale. */
export const TRACE_ONE = 2 ** TRACE_FRACTION_BITS;
export const TRACE_MAX = 2 ** 16 - 1;

export const AMPLITUDE_FRACTION_BITS = 16;
export const AMPLITUDE_REGISTER_MAX = 2 ** 23 - 1;

/** Fraction bits of `amplitude * trace` and of `reward * eligibility`. */
export const WEIGHT_CHANGE_FRACTION_BITS = AMPLITUDE_FRACTION_BITS + TRACE_FRACTION_BITS;

export const ELIGIBILITY_FRACTION_BITS = 12;
export const ELIGIBILITY_MAX = 2 ** 23 - 1;

export const REWARD_FRACTION_BITS = WEIGHT_CHANGE_FRACTION_BITS - ELIGIBILITY_FRACTION_BITS;
/** The reward register's magnitude stays below this, so reward * eligibility * 255 < 2^53. */
export const REWARD_REGISTER_LIMIT = 2 ** 22;

const DECAY_SCALE = DECAY_ONE;

/** `POWERS_OF_TWO[k]` is 2^k; a table lookup is cheaper than `2 ** k` in the per-synapse loops. */
const POWERS_OF_TWO = Array.from({ length: 33 }, (_, k) => 2 ** k);

/**
 * Rounds the non-negative integer `value / 2^fractionBits` stochastically (see the module doc);
 * `fractionBits` is in 1..32.
 */
export function stochasticRound(value: number, fractionBits: number, random: RandomStream): number {
  const scale = POWERS_OF_TWO[fractionBits]!;
  const whole = Math.floor(value / scale);
  const fraction = value - whole * scale;
  if (fraction === 0) {
    return whole;
  }

  // The top k bits of the draw u are below the fraction exactly when u < fraction * 2^(32 - k).
  const draw = random.nextUint32();
  return draw < fraction * POWERS_OF_TWO[32 - fractionBits]! ? whole + 1 : whole;
}

/** Rounds the integer `value / 2^fractionBits` stochastically, magnitude first, sign restored. */
export function stochasticRoundSigned(value: number, fractionBits: number, random: RandomStream): number {
  if (value >= 0) {
    return stochasticRound(value, fractionBits, random);
  }
  return -stochasticRound(-value, fractionBits, random);
}

/** Decays a signed integer by one tick of register `decayRegister` (keeps `(4096 - d) / 4096`). */
export function decayStochastic(value: number, decayRegister: number, random: RandomStream): number {
  if (value === 0) {
    return 0;
  }
  const rounded = stochasticRoundSigned(value * (DECAY_SCALE - decayRegister), 12, random);
  return rounded === 0 ? 0 : rounded;
}

/**
 * Decays every value of `values` in place by one tick of register `decayRegister`, in index order.
 * One call per array keeps the per-value work inside this module, out of cross-module calls.
 */
export function decayAllStochastic(values: Int32Array, decayRegister: number, random: RandomStream): void {
  const factor = DECAY_SCALE - decayRegister;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === 0) continue;
    const magnitude = stochasticRound(Math.abs(value) * factor, 12, random);
    values[i] = value > 0 ? magnitude : -magnitude;
  }
}

/**
 * Converts a real amplitude (aPlus, aMinus, in mantissa units) into its 16-fraction-bit register.
 * A positive amplitude that would round to 0 is rejected rather than silently switched off.
 */
export function amplitudeRegister(amplitude: number, path: string): number {
  if (!Number.isFinite(amplitude) || amplitude < 0) {
    throw new RangeError(`${path}: amplitude must be a finite number >= 0, got ${amplitude}`);
  }

  const register = Math.round(amplitude * 2 ** AMPLITUDE_FRACTION_BITS);
  if (register > AMPLITUDE_REGISTER_MAX) {
    throw new RangeError(
      `${path}: amplitude ${amplitude} is above the fixed-mode maximum ` +
        `${AMPLITUDE_REGISTER_MAX / 2 ** AMPLITUDE_FRACTION_BITS} mantissa units`,
    );
  }
  if (amplitude > 0 && register === 0) {
    throw new RangeError(
      `${path}: amplitude ${amplitude} rounds to 0 at the fixed-mode resolution ` +
        `2^-${AMPLITUDE_FRACTION_BITS}; use at least ${2 ** -(AMPLITUDE_FRACTION_BITS + 1)}`,
    );
  }
  return register;
}

/** Converts `eta * reward` into the reward register, rejecting values the products cannot hold. */
export function rewardRegister(scaledReward: number): number {
  if (!Number.isFinite(scaledReward)) {
    throw new RangeError(`reward: eta * reward must be finite, got ${scaledReward}`);
  }

  const register = Math.round(scaledReward * 2 ** REWARD_FRACTION_BITS);
  if (Math.abs(register) >= REWARD_REGISTER_LIMIT) {
    throw new RangeError(
      `reward: eta * reward = ${scaledReward} is outside the fixed-mode range ` +
        `(-${REWARD_REGISTER_LIMIT / 2 ** REWARD_FRACTION_BITS}, ${REWARD_REGISTER_LIMIT / 2 ** REWARD_FRACTION_BITS})`,
    );
  }
  return register;
}
