import { describe, expect, it } from 'vitest';
import type { NumericMode } from '../program';
import { createNormalizeScratch, normalizeIncoming } from './normalize';

/** A dense `pre x post` projection in CSR order (pre-major), weights given row by row. */
function dense(mode: NumericMode, rows: number[][], wMax = 127) {
  const pre = rows.length;
  const post = rows[0]!.length;
  const flat = rows.flat();
  return {
    mode,
    postSize: post,
    rowPtr: Int32Array.from({ length: pre + 1 }, (_, i) => i * post),
    post: Int32Array.from(flat, (_, s) => s % post),
    weights: mode === 'fixed' ? Int8Array.from(flat) : Float64Array.from(flat),
    bounds: { wMin: 0, wMax, soft: false },
  };
}

describe('normalizeIncoming', () => {
  it('float scales each column', () => {
    // Column 0 sums 2 and column 1 sums 4; target 8 scales them by 4 and 2.
    const target = dense('float', [
      [1, 3],
      [1, 1],
    ]);
    normalizeIncoming(target, 8, createNormalizeScratch(2));
    expect(Array.from(target.weights)).toEqual([4, 6, 4, 2]);
  });

  it('fixed rounds the running sum', () => {
    // Three weights of 1 scaled to 10: running sums 3.33, 6.67, 10 round to 3, 7, 10.
    const target = dense('fixed', [[1], [1], [1]]);
    normalizeIncoming(target, 10, createNormalizeScratch(1));
    expect(Array.from(target.weights)).toEqual([3, 4, 3]);
  });

  it('fixed sum hits the target', () => {
    const rows = Array.from({ length: 784 }, (_, i) => [(i * 7) % 13, (i * 5) % 11]);
    const target = dense('fixed', rows);
    normalizeIncoming(target, 2000, createNormalizeScratch(2));
    const sums = [0, 0];
    target.weights.forEach((w, s) => (sums[s % 2]! += w));
    expect(sums).toEqual([2000, 2000]);
  });

  it('silent column stays unchanged', () => {
    const target = dense('float', [
      [0, 2],
      [0, 2],
    ]);
    normalizeIncoming(target, 8, createNormalizeScratch(2));
    expect(Array.from(target.weights)).toEqual([0, 4, 0, 4]);
  });

  it('scaled weights stay within bounds', () => {
    // 1 and 9 scaled to 20 give 2 and 18; wMax 15 clamps the second.
    const target = dense('float', [[1], [9]], 15);
    normalizeIncoming(target, 20, createNormalizeScratch(1));
    expect(Array.from(target.weights)).toEqual([2, 15]);
  });

  it('rejects a sum of zero', () => {
    const target = dense('float', [[1]]);
    expect(() => normalizeIncoming(target, 0, createNormalizeScratch(1))).toThrow(
      'learning.normalize.sum: expected a finite number > 0, got 0',
    );
  });
});
