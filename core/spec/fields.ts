/**
 * Zod field builders shared by the spec schema.
 *
 * Each builder attaches one message that states the whole expectation (kind and range), so a
 * failed type, integer, minimum or maximum check all read the same way. The issue converter
 * then adds the offending value (`expected an integer in 0..62, got 63`).
 */
import { z } from 'zod';

/** Largest threshold register: `vth * 2^6` must fit in 23 bits. */
export const VTH_MAX = 2 ** 17 - 1;
/** Largest register of the 12-bit decays `du`, `dv` and `dThreshold`. */
export const DECAY_REGISTER_MAX = 4095;
/** Largest refractory period in ticks. */
export const REFRACTORY_MAX_TICKS = 255;
/** Largest delay register; a spike emitted at tick t arrives at t + 1 + delay. */
export const DELAY_MAX_TICKS = 62;
/** Signed 8-bit weight mantissa range of fixed mode. */
export const WEIGHT_MANTISSA_MIN = -128;
export const WEIGHT_MANTISSA_MAX = 127;
/** Largest population size, so global neuron indices fit in an Int32Array. */
export const POPULATION_SIZE_MAX = 2 ** 31 - 1;
/** Range of the tick length in milliseconds. */
export const DT_MS_MIN = 0.001;
export const DT_MS_MAX = 1000;

/** Tells whether a weight is a signed 8-bit mantissa, as fixed mode requires. */
export function isMantissa(value: number): boolean {
  return Number.isInteger(value) && value >= WEIGHT_MANTISSA_MIN && value <= WEIGHT_MANTISSA_MAX;
}

/** Returns an integer schema for `min..max` inclusive. */
export function integerIn(min: number, max: number) {
  const expectation = `expected an integer in ${min}..${max}`;
  return z
    .number({ error: expectation })
    .int({ error: expectation })
    .min(min, expectation)
    .max(max, expectation);
}

/** Returns a finite real schema for `min..max` inclusive. */
export function numberIn(min: number, max: number) {
  const expectation = `expected a number in ${min}..${max}`;
  return z.number({ error: expectation }).min(min, expectation).max(max, expectation);
}

/** Returns a schema of a finite real strictly above zero. */
export function positiveNumber() {
  const expectation = 'expected a number > 0';
  return z.number({ error: expectation }).gt(0, expectation);
}

/** Returns a schema of a finite real at or above zero. */
export function nonNegativeNumber() {
  const expectation = 'expected a number >= 0';
  return z.number({ error: expectation }).min(0, expectation);
}

/** Returns a schema of any finite real (zod numbers already exclude NaN and the infinities). */
export function finiteNumber() {
  return z.number({ error: 'expected a finite number' });
}

/** Returns a schema of a positive integer up to `max`. */
export function positiveInteger(max = Number.MAX_SAFE_INTEGER) {
  return integerIn(1, max);
}

/**
 * Returns the schema of a name: 1 to 64 letters, digits, `_` or `-`, starting with a letter.
 * Names become parts of random stream names (`weights/<name>`) and of file names, so they
 * carry no separators or spaces.
 */
export function nameField() {
  const expectation = "expected a name of 1 to 64 letters, digits, '_' or '-', starting with a letter";
  return z
    .string({ error: expectation })
    .min(1, expectation)
    .max(64, expectation)
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, expectation);
}

/** Returns a schema of a reference to a named item of another list. */
export function referenceField() {
  return z.string({ error: 'expected a name' }).min(1, 'expected a name');
}
