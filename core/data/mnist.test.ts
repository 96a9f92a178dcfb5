import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { image, label, loadMnist, mnistSplit, pixelValueOfLevel, sampleOrder, streamOrder } from './mnist';
import { mnistSplitRanges } from './mnist-shape';

/** Reads one class file straight from the package, independently of the loader. */
function rawClass(digit: number): number[] {
  const root = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const text = readFileSync(join(root, 'src', 'digits', `${digit}.json`), 'utf8');
  return (JSON.parse(text) as { data: number[] }).data;
}

const CLASS_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const TEST_COUNTS = [200, 225, 198, 206, 196, 173, 203, 214, 189, 196];

describe('loadMnist', () => {
  it('holds 10,000 digits of 784 pixels', () => {
    const data = loadMnist();
    expect(data.size).toBe(10_000);
    expect(data.levels.length).toBe(7_840_000);
    expect(data.pixels.length).toBe(7_840_000);
    expect(data.labels.length).toBe(10_000);
  });

  it('class offsets follow the class counts', () => {
    const offsets = [0];
    for (const n of CLASS_COUNTS) offsets.push(offsets.at(-1) + n);
    expect(Array.from(loadMnist().classOffsets)).toEqual(offsets);
  });

  it('caches the dataset', () => {
    expect(loadMnist()).toBe(loadMnist());
  });

  it('levels map back to every shipped value exactly', () => {
    const data = loadMnist();
    let mismatches = 0;
    let float32Mismatches = 0;
    for (let digit = 0; digit < 10; digit++) {
      const raw = rawClass(digit);
      const base = data.classOffsets[digit]! * 784;
      for (let i = 0; i < raw.length; i++) {
        if (pixelValueOfLevel(data.levels[base + i]!) !== raw[i]) mismatches++;
        if (data.pixels[base + i] !== Math.fround(raw[i]!)) float32Mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(float32Mismatches).toBe(0);
  });

  it('level values are k/255 to 3 decimals', () => {
    expect(pixelValueOfLevel(0)).toBe(0);
    expect(pixelValueOfLevel(1)).toBe(0.004);
    expect(pixelValueOfLevel(51)).toBe(0.2);
    expect(pixelValueOfLevel(128)).toBe(0.502);
    expect(pixelValueOfLevel(255)).toBe(1);
  });

  it('rejects a level outside 0..255', () => {
    expect(() => pixelValueOfLevel(256)).toThrow(/0\.\.255, got 256/);
    expect(() => pixelValueOfLevel(1.5)).toThrow(/got 1.5/);
  });
});

describe('image and label', () => {
  it('labels change at class boundaries', () => {
    expect(label(0)).toBe(0);
    expect(label(1000)).toBe(0);
    expect(label(1001)).toBe(1);
    expect(label(2127)).toBe(1);
    expect(label(2128)).toBe(2);
    expect(label(9999)).toBe(9);
  });

  it('image is a view of the store', () => {
    const view = image(3);
    expect(view.length).toBe(784);
    expect(view.buffer).toBe(loadMnist().pixels.buffer);
    expect(view.byteOffset).toBe(3 * 784 * 4);
  });

  it('image matches the raw file', () => {
    const raw = rawClass(2);
    const pixels = image(loadMnist().classOffsets[2]! + 5);
    const expected = raw.slice(5 * 784, 6 * 784).map((v) => Math.fround(v));
    expect(Array.from(pixels)).toEqual(expected);
  });

  it('rejects an index out of range', () => {
    expect(() => image(10_000)).toThrow(/0\.\.9999, got 10000/);
    expect(() => label(-1)).toThrow(/got -1/);
  });
});

describe('mnistSplit', () => {
  it('test set has the per-class counts', () => {
    expect(mnistSplit('test').classCounts).toEqual(TEST_COUNTS);
    expect(mnistSplit('test').indices.length).toBe(2000);
  });

  it('train set has the rest', () => {
    const expected = CLASS_COUNTS.map((n, d) => n - TEST_COUNTS[d]!);
    expect(mnistSplit('train').classCounts).toEqual(expected);
    expect(mnistSplit('train').indices.length).toBe(8000);
  });

  it('test digits are the last of each class', () => {
    const test = mnistSplit('test').indices;
    // Class 0: 1001 digits, the last 200 are indices 801..1000.
    expect(test[0]).toBe(801);
    expect(test[199]).toBe(1000);
    // Class 1 starts at 1001 with 1127 digits: its last 225 are 1903..2127.
    expect(test[200]).toBe(1903);
    expect(test[424]).toBe(2127);
    expect(test[1999]).toBe(9999);
  });

  it('splits are disjoint and cover every digit', () => {
    const seen = new Uint8Array(10_000);
    for (const i of mnistSplit('train').indices) seen[i]! += 1;
    for (const i of mnistSplit('test').indices) seen[i]! += 2;
    expect(seen.every((v) => v === 1 || v === 2)).toBe(true);
  });

  it('rejects an unknown split name', () => {
    expect(() => mnistSplit('validation' as 'train')).toThrow(/"train" or "test", got validation/);
  });
});

describe('sampleOrder', () => {
  it('one epoch is a permutation of the split', () => {
    const order = sampleOrder('test', 7, 2000);
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from(mnistSplit('test').indices));
  });

  it('is shuffled, not ascending', () => {
    const order = sampleOrder('test', 7, 2000);
    expect(Array.from(order)).not.toEqual(Array.from(mnistSplit('test').indices));
  });

  it('same seed gives the same order', () => {
    expect(sampleOrder('train', 1234, 500)).toEqual(sampleOrder('train', 1234, 500));
  });

  it('seed 0 works and differs from seed 1', () => {
    expect(sampleOrder('train', 0, 100)).not.toEqual(sampleOrder('train', 1, 100));
  });

  it('shorter counts are prefixes', () => {
    const long = sampleOrder('test', 3, 4500);
    expect(sampleOrder('test', 3, 10)).toEqual(long.slice(0, 10));
    expect(sampleOrder('test', 3, 2100)).toEqual(long.slice(0, 2100));
  });

  it('each extra epoch is a fresh permutation', () => {
    const order = sampleOrder('test', 3, 4000);
    const first = order.slice(0, 2000);
    const second = order.slice(2000);
    const sorted = Array.from(mnistSplit('test').indices);
    expect(Array.from(second).sort((a, b) => a - b)).toEqual(sorted);
    expect(second).not.toEqual(first);
  });

  it('test and train streams differ', () => {
    const test = sampleOrder('test', 5, 50);
    const train = sampleOrder('train', 5, 50);
    const trainSet = new Set(mnistSplit('train').indices);
    expect(Array.from(test).some((i) => trainSet.has(i))).toBe(false);
    expect(Array.from(train).every((i) => trainSet.has(i))).toBe(true);
  });

  it('count 0 is empty', () => {
    expect(sampleOrder('train', 1, 0).length).toBe(0);
  });

  it('rejects a negative count', () => {
    expect(() => sampleOrder('train', 1, -1)).toThrow(/got -1/);
  });
});

describe('streamOrder', () => {
  // Class 0 has 1,001 digits (indices 0..1000), and its last round(0.2 * 1001) = 200 are test
  // digits: 801..1000. Index 800 is the last training digit of class 0.
  it('keeps explicit indices in their order', () => {
    const order = streamOrder({ split: 'test', samples: 3, indices: [1000, 801, 1000] }, 1);
    expect(Array.from(order)).toEqual([1000, 801, 1000]);
  });

  it('rejects a digit of the other split', () => {
    expect(() => streamOrder({ split: 'test', samples: 2, indices: [801, 800] }, 1)).toThrow(
      'data.indices[1]: expected a digit of the test split (mnistSplitRanges lists its 2000), got 800',
    );
  });

  it('follows the seeded order without indices', () => {
    expect(streamOrder({ split: 'train', samples: 20 }, 7)).toEqual(sampleOrder('train', 7, 20));
  });
});

describe('mnistSplitRanges', () => {
  it.each(['train', 'test'] as const)('covers the loaded %s split', (split) => {
    const ranges = mnistSplitRanges(split);
    const covered = ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
    const inRanges = (index: number) => ranges.some(([first, last]) => index >= first && index <= last);

    expect(covered).toBe(mnistSplit(split).indices.length);
    expect(Array.from(mnistSplit(split).indices).every(inRanges)).toBe(true);
  });
});
