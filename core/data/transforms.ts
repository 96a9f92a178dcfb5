/**
 * Inputs generated from MNIST digits: contrast changes and pixel shifts (for drift experiments,
 * for example "contrast halved, shifted by 3 pixels"), and row sequences (one 28-value row per
 * step, for recurrent networks). They are derived from the real digits and are no published
 * dataset of their own.
 *
 * Every function returns a new Float32Array and leaves its input unchanged.
 */
import { MNIST_COLUMNS, MNIST_ROWS } from './mnist-shape';

function checkImage(pixels: ArrayLike<number>, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image width and height must be positive integers, got ${width} x ${height}`);
  }
  if (pixels.length !== width * height) {
    throw new RangeError(`image must have width * height = ${width * height} pixels, got ${pixels.length}`);
  }
}

function meanOf(pixels: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < pixels.length; i++) sum += pixels[i]!;
  return pixels.length === 0 ? 0 : sum / pixels.length;
}

/**
 * Scales contrast around a pivot: `pivot + factor * (x - pivot)`, clamped to [0, 1].
 *
 * The pivot defaults to the image's mean intensity. A factor in [0, 1] then keeps every value
 * inside [0, 1] without clamping and leaves the mean unchanged, so a rate encoder's total input
 * rate stays the same and only the pattern fades. A factor of 0.5 halves the contrast: every
 * pixel's distance from the pivot, and so the standard deviation of the image, is halved. Above
 * 1, clamped values move the mean.
 */
export function scaleContrast(pixels: ArrayLike<number>, factor: number, pivot?: number): Float32Array {
  if (!Number.isFinite(factor) || factor < 0) {
    throw new RangeError(`contrast factor must be a finite number, at least 0, got ${factor}`);
  }
  const center = pivot ?? meanOf(pixels);
  if (!Number.isFinite(center) || center < 0 || center > 1) {
    throw new RangeError(`contrast pivot must be in [0, 1], got ${center}`);
  }

  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const value = center + factor * (pixels[i]! - center);
    out[i] = Math.min(1, Math.max(0, value));
  }
  return out;
}

/**
 * Shifts an image by whole pixels: `dxPx` to the right and `dyPx` down (negative values go left
 * and up). Pixels moved past the border are lost and vacated pixels are 0 (black), the MNIST
 * background.
 */
export function shiftImage(
  pixels: ArrayLike<number>,
  dxPx: number,
  dyPx: number,
  width = MNIST_COLUMNS,
  height = MNIST_ROWS,
): Float32Array {
  if (!Number.isInteger(dxPx) || !Number.isInteger(dyPx)) {
    throw new RangeError(`shift must be whole pixels, got dxPx ${dxPx}, dyPx ${dyPx}`);
  }
  checkImage(pixels, width, height);

  const out = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    const sourceRow = row - dyPx;
    if (sourceRow < 0 || sourceRow >= height) continue;
    for (let column = 0; column < width; column++) {
      const sourceColumn = column - dxPx;
      if (sourceColumn < 0 || sourceColumn >= width) continue;
      out[row * width + column] = pixels[sourceRow * width + sourceColumn]!;
    }
  }
  return out;
}

/** A drift of an image: contrast factor around the image's mean, then a shift in whole pixels. */
export interface ImageDrift {
  contrast: number;
  shiftX: number;
  shiftY: number;
}

/**
 * Applies a drift: `scaleContrast(pixels, contrast)` around the image's mean, then
 * `shiftImage(..., shiftX, shiftY)`. With contrast 0.5 and shift (3, 0) this is the drift of the
 * drift experiment. The contrast comes first, so the mean is taken over the unshifted digit.
 */
export function driftImage(
  pixels: ArrayLike<number>,
  drift: ImageDrift,
  width = MNIST_COLUMNS,
  height = MNIST_ROWS,
): Float32Array {
  return shiftImage(scaleContrast(pixels, drift.contrast), drift.shiftX, drift.shiftY, width, height);
}

export interface RowSequence {
  /** Number of steps: one per image row. */
  steps: number;
  /** Values per step: one per image column. */
  channels: number;
  /** `steps * channels` values; step s, channel c at `s * channels + c`. */
  values: Float32Array;
}

/**
 * Returns the image as a sequence of its rows, top to bottom, one row per step. For a row-major
 * image this keeps the pixel order, so step s is row s.
 */
export function rowSequence(
  pixels: ArrayLike<number>,
  width = MNIST_COLUMNS,
  height = MNIST_ROWS,
): RowSequence {
  checkImage(pixels, width, height);
  return { steps: height, channels: width, values: Float32Array.from(pixels) };
}
