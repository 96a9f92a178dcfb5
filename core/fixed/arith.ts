/**
 * Integer arithmetic of the fixed-point chip.
 *
 * Neuron state (`u`, `v`, threshold offset) is a signed 24-bit integer and decay registers are
 * 12-bit fractions of 4096. A decayed value is `trunc0(x * factor)` with `factor` in 0..4096, so
 * the product of a 24-bit value and a 12-bit factor (below 2^36) plus a 32-bit input stays far
 * below 2^53. Plain JavaScript numbers are therefore exact here, and BigInt is never needed.
 */

/** One in the 12-bit decay scale: a factor `f` multiplies a value by `f / 4096`. */
export const DECAY_ONE = 4096;

/** Largest 12-bit decay register. */
export const DECAY_REGISTER_MAX = 4095;

/** Largest magnitude of a saturating 24-bit register; the minimum is its negative. */
export const INT24_MAX = 2 ** 23 - 1;

/** Factor 2^6, a left shift by 6, that aligns an input, a threshold or an adaptation step with `v`. */
export const STATE_SHIFT_SCALE = 2 ** 6;

/**
 * Divides by 4096 and rounds toward zero: `sign(x) * floor(|x| / 4096)`.
 *
 * An arithmetic shift would round toward minus infinity instead (-5 * 2048 >> 12 is -3, not -2).
 * Dividing by a power of two is exact in float64, so `Math.trunc` receives the exact quotient.
 * Adding 0 turns the -0 of a small negative `x` into +0 without a branch.
 */
export function trunc0(x: number): number {
  return Math.trunc(x / DECAY_ONE) + 0;
}

/**
 * Wraps an integer into signed 24 bits: `((x + 2^23) mod 2^24) - 2^23` with a mathematical
 * (never negative) mod, so -2^23 maps to itself and +2^23 maps to -2^23.
 *
 * `x << 8` first reduces `x` modulo 2^32 exactly (ECMAScript ToInt32 works on the mathematical
 * value of any integer), and the arithmetic shift back sign-extends bit 23, which is that mod.
 */
export function wrap24(x: number): number {
  return (x << 8) >> 8;
}

/** Saturates an integer to the symmetric 24-bit range `[-(2^23 - 1), 2^23 - 1]`. */
export function clip24(x: number): number {
  if (x > INT24_MAX) {
    return INT24_MAX;
  }
  if (x < -INT24_MAX) {
    return -INT24_MAX;
  }
  return x;
}

function checkTimes(tauMs: number, dtMs: number, path: string): void {
  if (!Number.isFinite(tauMs) || tauMs <= 0) {
    throw new RangeError(`${path}: time constant must be a finite number of ms above 0, got ${tauMs}`);
  }
  if (!Number.isFinite(dtMs) || dtMs <= 0) {
    throw new RangeError(`dtMs: tick length must be a finite number of ms above 0, got ${dtMs}`);
  }
}

/** Per-tick factor of exact exponential decay: `exp(-dtMs / tauMs)`. */
export function decayFactorFromTau(tauMs: number, dtMs: number, path = 'tauMs'): number {
  checkTimes(tauMs, dtMs, path);
  return Math.exp(-dtMs / tauMs);
}

/**
 * Computes the 12-bit decay register of a time constant: `round(4096 * (1 - exp(-dtMs / tauMs)))`.
 *
 * Tau 20 ms at 1 ms ticks gives 200; the forward-Euler `4096 * dt / tau` = 205 would decay too
 * fast. A time constant so short that the register rounds to 4096 is rejected, because the
 * register has 12 bits.
 */
export function decayRegisterFromTau(tauMs: number, dtMs: number, path = 'tauMs'): number {
  const register = Math.round(DECAY_ONE * (1 - decayFactorFromTau(tauMs, dtMs, path)));
  if (register > DECAY_REGISTER_MAX) {
    throw new RangeError(
      `${path}: time constant ${tauMs} ms at dtMs ${dtMs} needs decay register ${register}, ` +
        `above the maximum ${DECAY_REGISTER_MAX}; use a longer time constant or a shorter tick`,
    );
  }
  return register;
}
