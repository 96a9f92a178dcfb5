/**
 * Delta (sigma-delta) encoder: ON/OFF events whenever a time-varying signal moves one threshold
 * away from its reconstruction.
 *
 * A sample is a sequence of `steps` vectors of `channels` values, flat in step-major order, with
 * step s, channel c at `s * channels + c`. The row sequence of an MNIST digit has this layout. At step s each channel compares its value x with its reconstruction `level *
 * threshold`, where the integer `level` starts at 0 in every sample:
 *
 *     x >= (level + 1) * threshold   ->  ON event,  level += 1
 *     x <= (level - 1) * threshold   ->  OFF event, level -= 1
 *
 * A signal exactly one threshold away fires. Both sides are compared with a tolerance of 1e-9
 * threshold, so decimal ties such as x = 0.3 at threshold 0.1 fire despite binary rounding
 * (3 * 0.1 is 0.30000000000000004). The reconstruction is a product, never a running sum.
 *
 * One event per channel per tick: a spike is binary, so a jump of several thresholds fires on
 * consecutive ticks, one threshold each, until the reconstruction has caught up (the slew limit
 * of a real sigma-delta modulator). After the last step the signal keeps its last value, so
 * pending events still drain.
 *
 * Outputs are polarity-major: ON events of channels 0..n-1 on outputs `[0, n)`, OFF events on
 * `[n, 2n)`.
 */
import type { PathSegment } from '../spec/issues';
import type { Encoder, EncoderState } from './encoder';
import {
  DEFAULT_ENCODER_PATH,
  readStateArray,
  requireOutputRoom,
  requirePositive,
  requirePositiveInteger,
} from './encoder';

export interface DeltaOptions {
  /** Change that fires one event, in the signal's units. */
  threshold: number;
  /** Values per step: 28 for the rows of an MNIST digit. */
  channels: number;
  /** Spec location of the encoder, for error messages. */
  path?: readonly PathSegment[];
}

/** Tolerance of the threshold comparisons, as a fraction of the threshold. */
const RELATIVE_TOLERANCE = 1e-9;

export class DeltaEncoder implements Encoder {
  readonly kind = 'delta';
  readonly threshold: number;
  readonly channels: number;
  private sequence = new Float64Array(0);
  private readonly levels: Int32Array;

  constructor(options: DeltaOptions) {
    const path = options.path ?? DEFAULT_ENCODER_PATH;
    requirePositive(path, 'threshold', options.threshold);
    requirePositiveInteger(path, 'channels', options.channels);
    this.threshold = options.threshold;
    this.channels = options.channels;
    this.levels = new Int32Array(options.channels);
  }

  /** Two outputs (ON, OFF) per channel; `inputSize` is the number of channels. */
  outputSize(inputSize: number): number {
    return 2 * inputSize;
  }

  /** Starts a sample: `values` contains `steps * channels` values, step-major. */
  beginSample(values: ArrayLike<number>): void {
    if (values.length === 0 || values.length % this.channels !== 0) {
      throw new RangeError(
        `delta sample must hold a positive multiple of ${this.channels} values, got ${values.length}`,
      );
    }
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]!))
        throw new RangeError(`delta sample value ${i} is ${values[i]}, expected a finite number`);
    }
    this.sequence = Float64Array.from(values);
    this.levels.fill(0);
  }

  encode(stepInSample: number, spiked: Uint8Array): number {
    const channels = this.channels;
    requireOutputRoom(spiked, 2 * channels);
    const steps = this.sequence.length / channels;
    if (steps === 0) {
      spiked.fill(0, 0, 2 * channels);
      return 0;
    }

    const base = Math.min(stepInSample, steps - 1) * channels;
    const threshold = this.threshold;
    const tolerance = RELATIVE_TOLERANCE * threshold;
    let count = 0;
    for (let c = 0; c < channels; c++) {
      const value = this.sequence[base + c]!;
      const level = this.levels[c]!;
      let on = 0;
      let off = 0;
      if (value >= (level + 1) * threshold - tolerance) {
        on = 1;
        this.levels[c] = level + 1;
      } else if (value <= (level - 1) * threshold + tolerance) {
        off = 1;
        this.levels[c] = level - 1;
      }
      spiked[c] = on;
      spiked[channels + c] = off;
      count += on + off;
    }
    return count;
  }

  getState(): EncoderState {
    return { sequence: this.sequence.slice(), levels: this.levels.slice() };
  }

  setState(state: EncoderState): void {
    const sequence = readStateArray(state, 'sequence', Float64Array);
    if (sequence.length % this.channels !== 0) {
      throw new RangeError(
        `encoder state "sequence" has ${sequence.length} values, not a multiple of ${this.channels}`,
      );
    }
    this.sequence = sequence.slice();
    this.levels.set(readStateArray(state, 'levels', Int32Array, this.channels));
  }
}
