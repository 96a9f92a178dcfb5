/**
 * The contract every input encoder follows, and the checks they share.
 *
 * A run drives an encoder sample by sample: `beginSample(values)` when a new sample starts, then
 * `encode(step, spiked)` once per tick of the presentation, with `step` counting from 0 at the
 * sample's first tick. `encode` writes 0 or 1 into each of the first `outputSize` entries of
 * `spiked` (zeros included, so the caller need not clear it) and returns how many are 1.
 *
 * Encoders with signed events (delta, saccade) have two output neurons per input, laid out
 * polarity-major: outputs `[0, n)` are the ON (+1) events and `[n, 2n)` the OFF (-1) events of
 * inputs 0..n-1.
 *
 * `getState` returns typed arrays only, including the current sample's data and any random
 * stream, so `setState` on a fresh encoder of the same options continues bit for bit, even in the
 * middle of a sample.
 */
import { SpecError } from '../errors';
import { issueAt } from '../spec/issues';
import type { PathSegment } from '../spec/issues';

export type EncoderState = Record<string, Float64Array | Int32Array | Uint32Array | Uint8Array>;

export interface Encoder {
  readonly kind: 'poisson' | 'latency' | 'delta' | 'saccade' | 'rows';
  /** Number of output neurons for `inputSize` input values. */
  outputSize(inputSize: number): number;
  beginSample(values: ArrayLike<number>): void;
  encode(stepInSample: number, spiked: Uint8Array): number;
  getState(): EncoderState;
  setState(state: EncoderState): void;
}

/** Spec location of an encoder's options, for error messages; `['encoder']` unless given. */
export const DEFAULT_ENCODER_PATH: readonly PathSegment[] = ['encoder'];

/** Throws a SpecError at `path.field` whose message ends with the value. */
export function rejectOption(
  path: readonly PathSegment[],
  field: string,
  expectation: string,
  value: unknown,
): never {
  throw new SpecError([issueAt([...path, field], expectation, value)]);
}

export function requirePositive(path: readonly PathSegment[], field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) rejectOption(path, field, 'expected a finite number > 0', value);
}

export function requirePositiveInteger(path: readonly PathSegment[], field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) rejectOption(path, field, 'expected an integer >= 1', value);
}

/** Throws unless `spiked` has room for `size` outputs. */
export function requireOutputRoom(spiked: Uint8Array, size: number): void {
  if (spiked.length < size) {
    throw new RangeError(`spike buffer has ${spiked.length} entries, the encoder writes ${size}`);
  }
}

/** Returns the state entry `key` if it is a typed array of the expected kind and length. */
export function readStateArray<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(
  state: EncoderState,
  key: string,
  kind: new (length: number) => T,
  length?: number,
): T {
  const value = state[key];
  if (!(value instanceof kind))
    throw new RangeError(`encoder state "${key}" is missing or not a ${kind.name}`);
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`encoder state "${key}" has ${value.length} values, expected ${length}`);
  }
  return value;
}
