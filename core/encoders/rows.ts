/**
 * Row-sequence encoder: an MNIST digit shown one row at a time, each row for `ticksPerRow` ticks,
 * the encoding that e-prop networks read (Bellec et al. 2020 feed sequential MNIST the same way,
 * one pixel or row per step).
 *
 * Outputs 0..27 are the columns. On every tick of row r, column c spikes with probability equal
 * to the pixel value at (r, c), which must lie in 0..1. With `rowCue`, outputs 28..55 are one per
 * row, and the cue of row r spikes on every tick of row r, so the network need not count rows.
 * Steps past the last row (28 * ticksPerRow and later) emit nothing.
 *
 * Draw order: every `encode` call during the rows takes one `nextUint32()` per column, in column
 * order, whatever the pixel, so the stream's position depends only on the ticks encoded. Column c
 * spikes when the draw `u < x * 2^32`, an event of probability `ceil(x * 2^32) / 2^32`.
 */
import type { RandomStream } from '../random';
import type { PathSegment } from '../spec/issues';
import { MNIST_COLUMNS, MNIST_PIXELS, MNIST_ROWS } from '../data/mnist-shape';
import type { Encoder, EncoderState } from './encoder';
import { DEFAULT_ENCODER_PATH, readStateArray, requireOutputRoom, requirePositiveInteger } from './encoder';

export interface RowsOptions {
  ticksPerRow: number;
  /** Adds one cue output per row, which spikes on every tick of its row. */
  rowCue: boolean;
  /** The run's stream for this encoder, for example `createStream(seed, 'encoder/<population>')`. */
  stream: RandomStream;
  /** Spec location of the encoder, for error messages. */
  path?: readonly PathSegment[];
}

const TWO_POW_32 = 4294967296;

/** Outputs of a row encoder: one per column, and one per row with the row cue. */
export function rowsOutputSize(rowCue: boolean): number {
  return rowCue ? MNIST_COLUMNS + MNIST_ROWS : MNIST_COLUMNS;
}

export class RowsEncoder implements Encoder {
  readonly kind = 'rows';
  readonly ticksPerRow: number;
  readonly rowCue: boolean;
  private readonly stream: RandomStream;
  /** `x * 2^32` of the current digit's pixels, row-major; empty before the first sample. */
  private thresholds = new Float64Array(0);

  constructor(options: RowsOptions) {
    requirePositiveInteger(options.path ?? DEFAULT_ENCODER_PATH, 'ticksPerRow', options.ticksPerRow);
    this.ticksPerRow = options.ticksPerRow;
    this.rowCue = options.rowCue;
    this.stream = options.stream;
  }

  /** Always the row encoder's own width: it reads 784 pixels and drives 28 or 56 outputs. */
  outputSize(_inputSize: number): number {
    return rowsOutputSize(this.rowCue);
  }

  beginSample(values: ArrayLike<number>): void {
    if (values.length !== MNIST_PIXELS) {
      throw new RangeError(`a row encoder reads ${MNIST_PIXELS} pixels a digit, got ${values.length}`);
    }
    const thresholds = new Float64Array(MNIST_PIXELS);
    for (let i = 0; i < MNIST_PIXELS; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value) || value < 0 || value > 1) {
        throw new RangeError(
          `row encoder pixel ${i} has value ${value}; expected a spike probability in 0..1`,
        );
      }
      thresholds[i] = value * TWO_POW_32;
    }
    this.thresholds = thresholds;
  }

  encode(stepInSample: number, spiked: Uint8Array): number {
    const size = rowsOutputSize(this.rowCue);
    requireOutputRoom(spiked, size);
    spiked.fill(0, 0, size);

    const row = Math.floor(stepInSample / this.ticksPerRow);
    if (row >= MNIST_ROWS || this.thresholds.length === 0) return 0;

    let count = 0;
    for (let c = 0; c < MNIST_COLUMNS; c++) {
      const spike = this.stream.nextUint32() < this.thresholds[row * MNIST_COLUMNS + c]! ? 1 : 0;
      spiked[c] = spike;
      count += spike;
    }
    if (this.rowCue) {
      spiked[MNIST_COLUMNS + row] = 1;
      count++;
    }
    return count;
  }

  getState(): EncoderState {
    return { random: this.stream.getState(), thresholds: this.thresholds.slice() };
  }

  setState(state: EncoderState): void {
    this.stream.setState(readStateArray(state, 'random', Uint32Array, 4));
    this.thresholds = readStateArray(state, 'thresholds', Float64Array).slice();
  }
}
