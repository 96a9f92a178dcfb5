/**
 * Bounded weight changes, shared by every rule.
 *
 * A change `dw` is applied and the result clamped to [wMin, wMax] at once, so no weight outside
 * the bounds is ever stored or delivered. Under hard bounds `dw` is applied as it is. Under soft
 * bounds it is scaled by the distance to the bound it moves toward:
 *
 *     dw > 0:  dw * (wMax - w)          dw < 0:  dw * (w - wMin)
 *
 * The distance is not divided by the span `wMax - wMin`, so a soft-bound amplitude is a rate per
 * unit of distance: with wMax = 1, a pairing worth +0.05 at w = 0.98 adds 0.05 * 0.02 = 0.001,
 * whatever wMin is. A distance below zero (a weight that starts outside the bounds) counts as
 * zero, and the clamp still applies, so a soft step larger than the distance stops at the bound.
 *
 * Fixed mode: weights are Int8 mantissas and the bounds integers in -128..127. A change arrives
 * as an integer with 24 fraction bits (`./fixed-point`), is multiplied by the integer distance
 * under soft bounds, and is rounded stochastically to whole mantissa steps before the clamp.
 */
import type { NumericMode } from '../program';
import type { RandomStream } from '../random';
import { stochasticRoundSigned, WEIGHT_CHANGE_FRACTION_BITS } from './fixed-point';

export interface WeightBounds {
  wMin: number;
  wMax: number;
  soft: boolean;
}

// Copied into a module constant so the per-synapse calls do not read the import binding.
const CHANGE_FRACTION_BITS = WEIGHT_CHANGE_FRACTION_BITS;
const MANTISSA_MIN = -128;
const MANTISSA_MAX = 127;

/** Validates the bounds for the numeric mode, naming the field and the allowed range. */
export function resolveBounds(
  params: { wMin: number; wMax: number; bound: 'hard' | 'soft' },
  mode: NumericMode,
  path = 'learning',
): WeightBounds {
  const { wMin, wMax } = params;
  for (const [name, value] of [
    ['wMin', wMin],
    ['wMax', wMax],
  ] as const) {
    if (!Number.isFinite(value)) {
      throw new RangeError(`${path}.${name}: expected a finite number, got ${value}`);
    }
    if (mode === 'fixed' && (!Number.isInteger(value) || value < MANTISSA_MIN || value > MANTISSA_MAX)) {
      throw new RangeError(
        `${path}.${name}: fixed mode needs an integer weight mantissa in ${MANTISSA_MIN}..${MANTISSA_MAX}, got ${value}`,
      );
    }
  }
  if (wMin > wMax) {
    throw new RangeError(`${path}.wMin: ${wMin} is above wMax = ${wMax}`);
  }
  return { wMin, wMax, soft: params.bound === 'soft' };
}

function clamp(w: number, bounds: WeightBounds): number {
  if (w > bounds.wMax) return bounds.wMax;
  if (w < bounds.wMin) return bounds.wMin;
  return w;
}

/** Soft-bound factor of a change of sign `direction` at weight `w`; 1 under hard bounds. */
function boundFactor(w: number, direction: number, bounds: WeightBounds): number {
  if (!bounds.soft) return 1;
  const distance = direction > 0 ? bounds.wMax - w : w - bounds.wMin;
  return Math.max(0, distance);
}

/** Returns float weight `w` after the real change `delta`, bounded. */
export function changeFloatWeight(w: number, delta: number, bounds: WeightBounds): number {
  if (delta === 0) return clamp(w, bounds);
  return clamp(w + delta * boundFactor(w, delta, bounds), bounds);
}

/** Returns mantissa `w` after the change `scaledDelta / 2^24`, stochastically rounded and bounded. */
export function changeFixedWeight(
  w: number,
  scaledDelta: number,
  bounds: WeightBounds,
  random: RandomStream,
): number {
  if (scaledDelta === 0) return clamp(w, bounds);
  const scaled = scaledDelta * boundFactor(w, scaledDelta, bounds);
  return clamp(w + stochasticRoundSigned(scaled, CHANGE_FRACTION_BITS, random), bounds);
}
