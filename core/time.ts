/**
 * Conversions between the integer tick counter and milliseconds.
 *
 * Simulation time is the tick `t = 1, 2, ...`. A time in milliseconds is derived as the product
 * `t * dtMs`, never as a running sum, so no rounding error builds up over a long run.
 *
 * Decimal tick lengths are handled exactly. `dtMs` such as 0.1 has no exact binary form, and the
 * plain product `3 * 0.1` is 0.30000000000000004. Both functions therefore find the smallest
 * power of ten `s` (up to 10^9, so down to picoseconds) for which `dtMs * s` is an integer `d`,
 * and work with the integers: the time at tick t is `(t * d) / s`. One division of two exact
 * integers rounds correctly, so the result is the double nearest to the exact decimal time, and it
 * prints as that decimal when it has at most 15 significant digits (tick 3 at 0.1 ms gives 0.3).
 * When `t * d` passes 2^53, or `dtMs` has no decimal form of at most 9 digits after the point
 * (1/3, say), the plain product is used instead. Either way consecutive ticks below 2^52 map to
 * distinct, increasing times, because a tick is longer than the spacing of doubles there.
 */

/** Largest number of decimals searched for an exact decimal form. */
const MAX_DECIMALS = 9;

function checkTickLength(dtMs: number): void {
  if (!Number.isFinite(dtMs) || dtMs <= 0) {
    throw new RangeError(`dtMs must be a finite number of milliseconds above 0, got ${dtMs}`);
  }
}

/**
 * Returns the smallest power of ten `s <= 10^9` such that `valueMs * s` rounds to an integer
 * whose quotient by `s` is `valueMs` again, or null when there is none.
 */
function decimalScale(valueMs: number): number | null {
  let scale = 1;
  for (let decimals = 0; decimals <= MAX_DECIMALS; decimals++) {
    const units = Math.round(valueMs * scale);
    if (Number.isSafeInteger(units) && units / scale === valueMs) return scale;
    scale *= 10;
  }
  return null;
}

/** Returns the time of `tick` in milliseconds: `tick * dtMs`, as the nearest double to the exact decimal. */
export function timeMs(tick: number, dtMs: number): number {
  if (!Number.isSafeInteger(tick) || tick < 0) {
    throw new RangeError(`tick must be a non-negative safe integer, got ${tick}`);
  }
  checkTickLength(dtMs);

  const scale = decimalScale(dtMs);
  if (scale === null) return tick * dtMs;

  const units = tick * Math.round(dtMs * scale);
  if (!Number.isSafeInteger(units)) return tick * dtMs;
  return units / scale;
}

/** Returns floor(a / b) for non-negative safe integers, corrected for the rounding of `/`. */
function floorDivide(a: number, b: number): number {
  let quotient = Math.floor(a / b);
  if (quotient * b > a) quotient--;
  else if ((quotient + 1) * b <= a) quotient++;
  return quotient;
}

/**
 * Returns the tick nearest to `ms` on the grid `tick * dtMs`; a time exactly half-way between two
 * ticks goes to the later one.
 *
 * When `ms` and `dtMs` both have decimal forms (at most 9 decimals), the division is done on
 * integers. So 1.0 ms at 0.1 ms is tick 10, and 0.3 ms is tick 3 even though `0.3 / 0.1` is
 * 2.9999999999999996 in doubles. Half-way cases such as 0.15 ms are exact ties.
 * Otherwise it returns `Math.round(ms / dtMs)`.
 */
export function tickAtMs(ms: number, dtMs: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`time must be a finite, non-negative number of milliseconds, got ${ms}`);
  }
  checkTickLength(dtMs);

  const msScale = decimalScale(ms);
  const dtScale = decimalScale(dtMs);
  if (msScale !== null && dtScale !== null) {
    // Both scales are powers of ten, so the larger one is a multiple of the smaller.
    const scale = Math.max(msScale, dtScale);
    const msUnits = Math.round(ms * scale);
    const dtUnits = Math.round(dtMs * scale);
    const numerator = 2 * msUnits + dtUnits;
    if (Number.isSafeInteger(numerator)) return floorDivide(numerator, 2 * dtUnits);
  }

  return Math.round(ms / dtMs);
}
