/**
 * Surrogate derivatives of the spike, for gradient-based learning (e-prop, BPTT).
 *
 * A spike is `z = H(v - threshold)`, whose derivative is zero almost everywhere; learning rules
 * use a surrogate `psi(v) ~ dz/dv` instead. Every surrogate here is shaped on the distance
 * `x = v - threshold` alone, peaks at exactly 1 at `x = 0` whatever the threshold, and takes its
 * width in units of `v`:
 *
 *     fast sigmoid (SuperSpike):  psi = 1 / (1 + slope * |x|)^2       psi = 1/4 at |x| = 1/slope
 *     triangle (e-prop):          psi = max(0, 1 - |x| / halfWidth)   psi = 0 from |x| = halfWidth
 *
 * For ALIF neurons the threshold is the effective one, `threshold + offset`. A damping factor
 * (e-prop's 0.3) is the learning rule's business, not the surrogate's.
 */
import type { ResetMode } from '../program';

export type SurrogateShape =
  { kind: 'fast-sigmoid'; slope: number } | { kind: 'triangle'; halfWidth: number };

function checkWidth(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name}: surrogate width must be a finite number above 0, got ${value}`);
  }
}

/** Fast-sigmoid surrogate `1 / (1 + slope * |v - threshold|)^2`; a larger slope is narrower. */
export function fastSigmoidSurrogate(membranePotential: number, threshold: number, slope: number): number {
  checkWidth('slope', slope);
  const denominator = 1 + slope * Math.abs(membranePotential - threshold);
  return 1 / (denominator * denominator);
}

/** Triangle surrogate `max(0, 1 - |v - threshold| / halfWidth)`. */
export function triangleSurrogate(membranePotential: number, threshold: number, halfWidth: number): number {
  checkWidth('halfWidth', halfWidth);
  return Math.max(0, 1 - Math.abs(membranePotential - threshold) / halfWidth);
}

/** Evaluates the surrogate described by `shape` at one membrane potential. */
export function evaluateSurrogate(
  shape: SurrogateShape,
  membranePotential: number,
  threshold: number,
): number {
  if (shape.kind === 'fast-sigmoid') {
    return fastSigmoidSurrogate(membranePotential, threshold, shape.slope);
  }
  return triangleSurrogate(membranePotential, threshold, shape.halfWidth);
}

/**
 * Returns the surrogate as a function of the distance `v - threshold` alone, for learners that
 * compute the distance to the effective threshold themselves.
 */
export function surrogateOfDistance(shape: SurrogateShape): (distanceToThreshold: number) => number {
  if (shape.kind === 'fast-sigmoid') {
    const slope = shape.slope;
    checkWidth('slope', slope);
    return (distance) => {
      const denominator = 1 + slope * Math.abs(distance);
      return 1 / (denominator * denominator);
    };
  }
  const halfWidth = shape.halfWidth;
  checkWidth('halfWidth', halfWidth);
  return (distance) => Math.max(0, 1 - Math.abs(distance) / halfWidth);
}

/**
 * How the reset enters the gradient: `detached` treats the reset as a constant (the default
 * unless a run sets otherwise); `attached` differentiates the reset through the surrogate.
 */
export type ResetGradient =
  | { kind: 'detached' }
  | {
      kind: 'attached';
      reset: ResetMode;
      /** Membrane potential after integration, before the reset. */
      membranePotential: number;
      /** Effective threshold that was tested (`threshold + offset` for ALIF). */
      threshold: number;
      /** Emitted spike, 0 or 1. */
      spike: number;
      /** Surrogate derivative `psi` at this tick. */
      surrogate: number;
    };

/**
 * Derivative `d v[t+1] / d v[t]` of the float membrane on a non-refractory tick, where `v` is
 * the potential after integration and before the reset, and `v[t+1] = decay * reset(v[t]) + ...`.
 *
 *     detached:             decay                      (0.9 for decay 0.9, at the threshold too)
 *     attached, subtract:   decay * (1 - threshold * psi)
 *     attached, zero:       decay * ((1 - spike) - v * psi)
 *
 * The decay multiplies the reset term as well, so the attached subtractive case is not
 * `decay - threshold * psi`.
 */
export function membranePotentialJacobian(voltageDecay: number, gradient: ResetGradient): number {
  if (gradient.kind === 'detached') {
    return voltageDecay;
  }
  if (gradient.reset === 'subtract') {
    return voltageDecay * (1 - gradient.threshold * gradient.surrogate);
  }
  return voltageDecay * (1 - gradient.spike - gradient.membranePotential * gradient.surrogate);
}
