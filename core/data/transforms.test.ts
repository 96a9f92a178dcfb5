import { describe, it, expect } from 'vitest';
import { driftImage, rowSequence, scaleContrast, shiftImage } from './transforms';
import { image } from './mnist';

describe('scaleContrast', () => {
  it('halves around the mean by default', () => {
    // Mean of [0, 0, 1, 1] is 0.5: values move half-way to it.
    expect(Array.from(scaleContrast([0, 0, 1, 1], 0.5))).toEqual([0.25, 0.25, 0.75, 0.75]);
  });

  it('keeps the mean of a digit', () => {
    const digit = image(0);
    const mean = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0) / values.length;
    expect(mean(scaleContrast(digit, 0.5))).toBeCloseTo(mean(digit), 6);
  });

  it('halves the standard deviation', () => {
    const digit = image(0);
    const std = (values: ArrayLike<number>) => {
      const list = Array.from(values);
      const m = list.reduce((a, b) => a + b, 0) / list.length;
      return Math.sqrt(list.reduce((a, b) => a + (b - m) ** 2, 0) / list.length);
    };
    expect(std(scaleContrast(digit, 0.5))).toBeCloseTo(std(digit) / 2, 6);
  });

  it('uses an explicit pivot', () => {
    // Pivot 0 is plain dimming: 0.5 -> 0.25.
    expect(Array.from(scaleContrast([0, 0.5], 0.5, 0))).toEqual([0, 0.25]);
  });

  it('clamps a raised contrast to [0, 1]', () => {
    // Pivot 0.5, factor 3: 0.1 -> -0.7 -> 0, 0.9 -> 1.7 -> 1, and 0.5 stays 0.5.
    expect(Array.from(scaleContrast([0.1, 0.9, 0.5], 3, 0.5))).toEqual([0, 1, 0.5]);
  });

  it('rejects a negative factor', () => {
    expect(() => scaleContrast([0], -1)).toThrow(/at least 0, got -1/);
  });
});

describe('shiftImage', () => {
  // A 3 x 3 image with values 1..9, row-major.
  const grid = [1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('moves right by one', () => {
    expect(Array.from(shiftImage(grid, 1, 0, 3, 3))).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
  });

  it('moves up and left by one', () => {
    expect(Array.from(shiftImage(grid, -1, -1, 3, 3))).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
  });

  it('moves a digit pixel by 3', () => {
    const digit = new Float32Array(784);
    digit[10 * 28 + 10] = 1;
    const shifted = shiftImage(digit, 3, 0);
    expect(shifted[10 * 28 + 13]).toBe(1);
    expect(shifted.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('shift past the border leaves black', () => {
    expect(Array.from(shiftImage(grid, 3, 0, 3, 3))).toEqual(new Array(9).fill(0));
  });

  it('rejects fractional shifts and bad sizes', () => {
    expect(() => shiftImage(grid, 0.5, 0, 3, 3)).toThrow(/whole pixels/);
    expect(() => shiftImage(grid, 1, 0, 2, 2)).toThrow(/width \* height = 4 pixels, got 9/);
  });
});

describe('rowSequence', () => {
  it('step s is row s', () => {
    const sequence = rowSequence([1, 2, 3, 4, 5, 6], 3, 2);
    expect(sequence.steps).toBe(2);
    expect(sequence.channels).toBe(3);
    expect(Array.from(sequence.values.subarray(3, 6))).toEqual([4, 5, 6]);
  });

  it('a digit has 28 steps of 28 values', () => {
    const sequence = rowSequence(image(0));
    expect(sequence.steps).toBe(28);
    expect(sequence.channels).toBe(28);
    expect(sequence.values[27 * 28 + 27]).toBe(image(0)[783]);
  });
});

describe('driftImage', () => {
  // Columns 0..13 white (1), 14..27 black (0): the mean is exactly 0.5.
  const halves = new Float32Array(784);
  for (let row = 0; row < 28; row++) halves.fill(1, row * 28, row * 28 + 14);
  const drifted = driftImage(halves, { contrast: 0.5, shiftX: 3, shiftY: 0 });

  it('leaves vacated columns black', () => {
    // Columns 0..2 came from outside the image.
    expect(drifted[0]).toBe(0);
    expect(drifted[5 * 28 + 2]).toBe(0);
  });

  it('halves contrast around the mean', () => {
    // 0.5 + 0.5 * (1 - 0.5) = 0.75 for white, 0.5 + 0.5 * (0 - 0.5) = 0.25 for black.
    expect(drifted[3]).toBe(0.75); // from column 0
    expect(drifted[27 * 28 + 16]).toBe(0.75); // from column 13
    expect(drifted[27 * 28 + 17]).toBe(0.25); // from column 14
    expect(drifted[10 * 28 + 27]).toBe(0.25); // from column 24
  });

  it('takes the mean before the shift', () => {
    // Shifting first would lose white columns 11..13 and give a mean of 11/28, not 0.5.
    const total = drifted.reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(28 * (14 * 0.75 + 11 * 0.25), 4);
  });

  it('moves down and up', () => {
    const down = driftImage(halves, { contrast: 1, shiftX: 0, shiftY: 2 });
    expect(down[1 * 28]).toBe(0);
    expect(down[2 * 28]).toBe(1);
    const up = driftImage(halves, { contrast: 1, shiftX: 0, shiftY: -27 });
    expect(up[0]).toBe(1);
    expect(up[28]).toBe(0);
  });
});
