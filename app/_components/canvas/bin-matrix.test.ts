import { describe, expect, it } from 'vitest';

import { binMatrix, valueRange } from './bin-matrix';

describe('binMatrix', () => {
  it('averages 2 x 2 blocks', () => {
    // prettier-ignore
    const matrix = [
      1, 3, 10, 20,
      5, 7, 30, 40,
      0, 0, 2, 2,
      0, 4, 2, 2,
    ];
    const binned = binMatrix(matrix, 4, 4, 2, 2);
    expect(Array.from(binned.values)).toEqual([4, 25, 1, 2]);
  });

  it('puts uneven rows in floor blocks', () => {
    // Rows 0 and 1 map to block 0 (floor(1 * 2 / 3) = 0), row 2 to block 1.
    const binned = binMatrix([2, 4, 9], 3, 1, 2, 1);
    expect(Array.from(binned.values)).toEqual([3, 9]);
  });

  it('returns a small matrix unchanged', () => {
    const binned = binMatrix([1, 2, 3, 4], 2, 2, 10, 10);
    expect(binned.rows).toBe(2);
    expect(Array.from(binned.values)).toEqual([1, 2, 3, 4]);
  });

  it('rejects a short value list', () => {
    expect(() => binMatrix([1, 2, 3], 2, 2, 1, 1)).toThrow('expected rows x columns = 4');
  });
});

describe('valueRange', () => {
  it('ignores non-finite values', () => {
    expect(valueRange([3, NaN, -2, Infinity, 7])).toEqual([-2, 7]);
  });
});
