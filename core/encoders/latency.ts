/**
 * Latency (time-to-first-spike) encoder: brighter inputs fire earlier, each at most once.
 *
 * Over a presentation of `windowTicks` ticks (steps 0..T-1), an input of value x in [0, 1] fires
 * once, at step `Math.round((1 - x) * (T - 1))`: x = 1 fires at step 0 and x = 0 at step T - 1.
 * Ties round up, as `Math.round` does (T = 4, x = 0.5 gives round(1.5) = 2). An input below
 * `silenceThreshold` (strictly) never fires. Nothing carries over between samples:
 * `beginSample` recomputes every spike step from the new values alone.
 */
import type { PathSegment } from '../spec/issues';
import type { Encoder, EncoderState } from './encoder';
import {
  DEFAULT_ENCODER_PATH,
  readStateArray,
  rejectOption,
  requireOutputRoom,
  requirePositiveInteger,
} from './encoder';

export interface LatencyOptions {
  /** Length T of a presentation in ticks, usually the data's `presentTicks`. */
  windowTicks: number;
  /** Inputs with a value below this never fire; 0 lets every input fire. */
  silenceThreshold: number;
  /** Spec location of the encoder, for error messages. */
  path?: readonly PathSegment[];
}

/** Step of an input that never fires. */
const SILENT = -1;

export class LatencyEncoder implements Encoder {
  readonly kind = 'latency';
  readonly windowTicks: number;
  readonly silenceThreshold: number;
  /** Firing step of each input of the current sample, or SILENT. */
  private spikeSteps = new Int32Array(0);

  constructor(options: LatencyOptions) {
    const path = options.path ?? DEFAULT_ENCODER_PATH;
    requirePositiveInteger(path, 'windowTicks', options.windowTicks);
    if (
      !Number.isFinite(options.silenceThreshold) ||
      options.silenceThreshold < 0 ||
      options.silenceThreshold > 1
    ) {
      rejectOption(path, 'silenceThreshold', 'expected a number in 0..1', options.silenceThreshold);
    }
    this.windowTicks = options.windowTicks;
    this.silenceThreshold = options.silenceThreshold;
  }

  outputSize(inputSize: number): number {
    return inputSize;
  }

  beginSample(values: ArrayLike<number>): void {
    const lastStep = this.windowTicks - 1;
    const steps = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value) || value < 0 || value > 1) {
        throw new RangeError(`latency input ${i} has value ${value}, expected a value in 0..1`);
      }
      steps[i] = value < this.silenceThreshold ? SILENT : Math.round((1 - value) * lastStep);
    }
    this.spikeSteps = steps;
  }

  encode(stepInSample: number, spiked: Uint8Array): number {
    const steps = this.spikeSteps;
    requireOutputRoom(spiked, steps.length);

    let count = 0;
    for (let i = 0; i < steps.length; i++) {
      const spike = steps[i] === stepInSample ? 1 : 0;
      spiked[i] = spike;
      count += spike;
    }
    return count;
  }

  getState(): EncoderState {
    return { spikeSteps: this.spikeSteps.slice() };
  }

  setState(state: EncoderState): void {
    this.spikeSteps = readStateArray(state, 'spikeSteps', Int32Array).slice();
  }
}
