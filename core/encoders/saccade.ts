/**
 * Saccade event encoder: ON/OFF events generated from a still MNIST digit moved along saccades,
 * as a DVS camera would report them. The events are generated from MNIST; they are not the
 * N-MNIST recordings.
 *
 * Geometry: the 28 x 28 image sits on a 34 x 34 canvas with its top-left corner at (3, 3) plus the
 * current displacement (see `saccade-path.ts`). Each tick every canvas pixel (cx, cy) samples the
 * image at (cx - 3 - dxPx, cy - 3 - dyPx) with bilinear interpolation. Outside the image the
 * intensity is 0, the MNIST background.
 *
 * Events: each canvas pixel measures the log intensity `L = ln(logEpsilon + I)`. The offset
 * `logEpsilon` keeps the log finite on the black background, like the dark current of a
 * photoreceptor. A pixel keeps a reference `L0 + level * threshold`, where L0 is its log intensity
 * at the first vertex (the view it adapted to) and `level` starts at 0:
 *
 *     L - L0 >= (level + 1) * threshold   ->  ON event,  level += 1
 *     L - L0 <= (level - 1) * threshold   ->  OFF event, level -= 1
 *
 * Both comparisons have a tolerance of 1e-9 threshold. A pixel fires at most one event per tick,
 * so a faster change fires on the following ticks until the reference catches up (like the
 * refractory period of a DVS pixel). A blank or still image fires nothing. Since the loop ends
 * where it started, each pixel's ON and OFF counts match once no change is left pending.
 *
 * Outputs are polarity-major: ON events of canvas pixel `cy * 34 + cx` on output `cy * 34 + cx`,
 * OFF events on `1156 + cy * 34 + cx`, 2 x 34 x 34 = 2312 outputs in all.
 */
import type { PathSegment } from '../spec/issues';
import type { Encoder, EncoderState } from './encoder';
import {
  DEFAULT_ENCODER_PATH,
  readStateArray,
  rejectOption,
  requireOutputRoom,
  requirePositive,
  requirePositiveInteger,
} from './encoder';
import { displacementAt, triangleVertices } from './saccade-path';
import type { Displacement } from './saccade-path';

/** Side of the input image in pixels. */
export const SACCADE_IMAGE_SIZE = 28;
/** Border around the image at zero displacement, in pixels. */
export const SACCADE_CANVAS_MARGIN = 3;
/** Side of the canvas: 28 + 2 * 3 = 34, the sample size of N-MNIST. */
export const SACCADE_CANVAS_SIZE = SACCADE_IMAGE_SIZE + 2 * SACCADE_CANVAS_MARGIN;
const CANVAS_PIXELS = SACCADE_CANVAS_SIZE * SACCADE_CANVAS_SIZE;
/** Default offset inside the logarithm, in units of full-scale intensity. */
export const DEFAULT_LOG_EPSILON = 0.1;

const RELATIVE_TOLERANCE = 1e-9;

export interface SaccadeOptions {
  /** Length of a presentation in ticks; the loop of saccades spans it. */
  windowTicks: number;
  /** Change of log intensity that fires one event. */
  threshold: number;
  /** Size of the default triangle of saccades, in pixels. */
  amplitudePx: number;
  logEpsilon?: number;
  /** Displacements of the loop's vertices; replaces the default triangle. */
  sweepVertices?: readonly Displacement[];
  /** Spec location of the encoder, for error messages. */
  path?: readonly PathSegment[];
}

export class SaccadeEncoder implements Encoder {
  readonly kind = 'saccade';
  readonly windowTicks: number;
  readonly threshold: number;
  readonly logEpsilon: number;
  readonly vertices: readonly Displacement[];
  private image = new Float64Array(SACCADE_IMAGE_SIZE * SACCADE_IMAGE_SIZE);
  /** Log intensity of each canvas pixel at the first vertex. */
  private readonly references = new Float64Array(CANVAS_PIXELS);
  private readonly levels = new Int32Array(CANVAS_PIXELS);
  /** Scratch buffer for the log intensities of one tick; not part of the state. */
  private readonly logIntensity = new Float64Array(CANVAS_PIXELS);

  constructor(options: SaccadeOptions) {
    const path = options.path ?? DEFAULT_ENCODER_PATH;
    requirePositiveInteger(path, 'windowTicks', options.windowTicks);
    requirePositive(path, 'threshold', options.threshold);
    requirePositive(path, 'amplitudePx', options.amplitudePx);
    const logEpsilon = options.logEpsilon ?? DEFAULT_LOG_EPSILON;
    requirePositive(path, 'logEpsilon', logEpsilon);
    const vertices = options.sweepVertices ?? triangleVertices(options.amplitudePx);
    if (vertices.length < 2 || !vertices.every(([dx, dy]) => Number.isFinite(dx) && Number.isFinite(dy))) {
      rejectOption(path, 'sweepVertices', 'expected at least 2 finite displacements', vertices);
    }

    this.windowTicks = options.windowTicks;
    this.threshold = options.threshold;
    this.logEpsilon = logEpsilon;
    this.vertices = vertices.map(([dx, dy]) => [dx, dy] as const);
    this.references.fill(Math.log(logEpsilon));
  }

  /** Always 2 x 34 x 34; `inputSize` must be 28 x 28. */
  outputSize(inputSize: number): number {
    if (inputSize !== SACCADE_IMAGE_SIZE * SACCADE_IMAGE_SIZE) {
      throw new RangeError(`saccade input must be a 28 x 28 image (784 values), got ${inputSize}`);
    }
    return 2 * CANVAS_PIXELS;
  }

  beginSample(values: ArrayLike<number>): void {
    this.outputSize(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(`saccade input ${i} has value ${value}, expected a finite intensity >= 0`);
      }
    }
    this.image = Float64Array.from(values);
    this.levels.fill(0);
    this.sampleCanvas(this.vertices[0]!, this.references);
  }

  encode(stepInSample: number, spiked: Uint8Array): number {
    requireOutputRoom(spiked, 2 * CANVAS_PIXELS);
    const logIntensity = this.logIntensity;
    this.sampleCanvas(displacementAt(this.vertices, stepInSample, this.windowTicks), logIntensity);

    const threshold = this.threshold;
    const tolerance = RELATIVE_TOLERANCE * threshold;
    let count = 0;
    for (let p = 0; p < CANVAS_PIXELS; p++) {
      const change = logIntensity[p]! - this.references[p]!;
      const level = this.levels[p]!;
      let on = 0;
      let off = 0;
      if (change >= (level + 1) * threshold - tolerance) {
        on = 1;
        this.levels[p] = level + 1;
      } else if (change <= (level - 1) * threshold + tolerance) {
        off = 1;
        this.levels[p] = level - 1;
      }
      spiked[p] = on;
      spiked[CANVAS_PIXELS + p] = off;
      count += on + off;
    }
    return count;
  }

  getState(): EncoderState {
    return { image: this.image.slice(), references: this.references.slice(), levels: this.levels.slice() };
  }

  setState(state: EncoderState): void {
    this.image = readStateArray(
      state,
      'image',
      Float64Array,
      SACCADE_IMAGE_SIZE * SACCADE_IMAGE_SIZE,
    ).slice();
    this.references.set(readStateArray(state, 'references', Float64Array, CANVAS_PIXELS));
    this.levels.set(readStateArray(state, 'levels', Int32Array, CANVAS_PIXELS));
  }

  /** Writes `ln(logEpsilon + I)` of every canvas pixel for the image at `displacement`. */
  private sampleCanvas(displacement: Displacement, out: Float64Array): void {
    // Every canvas pixel samples the image at its own position minus the same offset, so the
    // integer part and the bilinear weights are shared by all pixels of the tick.
    const offsetX = SACCADE_CANVAS_MARGIN + displacement[0];
    const offsetY = SACCADE_CANVAS_MARGIN + displacement[1];
    const baseX = Math.floor(-offsetX);
    const baseY = Math.floor(-offsetY);
    const fx = -offsetX - baseX;
    const fy = -offsetY - baseY;
    const weights = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy] as const;

    for (let cy = 0; cy < SACCADE_CANVAS_SIZE; cy++) {
      const y0 = cy + baseY;
      for (let cx = 0; cx < SACCADE_CANVAS_SIZE; cx++) {
        const x0 = cx + baseX;
        const intensity =
          weights[0] * this.pixel(x0, y0) +
          weights[1] * this.pixel(x0 + 1, y0) +
          weights[2] * this.pixel(x0, y0 + 1) +
          weights[3] * this.pixel(x0 + 1, y0 + 1);
        out[cy * SACCADE_CANVAS_SIZE + cx] = Math.log(this.logEpsilon + intensity);
      }
    }
  }

  private pixel(x: number, y: number): number {
    if (x < 0 || y < 0 || x >= SACCADE_IMAGE_SIZE || y >= SACCADE_IMAGE_SIZE) return 0;
    return this.image[y * SACCADE_IMAGE_SIZE + x]!;
  }
}
