import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createStream } from '../random';
import { changed, pairDemoInput } from '../spec/test-support';
import { parseSpec } from '../spec/parse';
import { compile } from './compile';
import { sparseCsr } from './connectivity';

/** Builds the pair example with `fromSize` inputs, `toSize` LIF neurons and the given projection. */
function twoPopulations(
  fromSize: number,
  toSize: number,
  connectivity: unknown,
  weights: unknown,
  mode = 'fixed',
) {
  return parseSpec(
    changed(
      pairDemoInput(),
      [['chip', 'mode'], mode],
      [['populations', 0, 'size'], fromSize],
      [['populations', 1, 'size'], toSize],
      [['projections', 0, 'connectivity'], connectivity],
      [['projections', 0, 'weights'], weights],
      [['projections', 0, 'learning'], undefined],
      [['stimulus'], []],
      [['record'], {}],
    ),
  );
}

function csrOf(fromSize: number, toSize: number, connectivity: unknown, weights: unknown, seed = 0) {
  const projection = compile(twoPopulations(fromSize, toSize, connectivity, weights), { seed })
    .projections[0]!;
  return {
    rowPtr: Array.from(projection.rowPtr),
    post: Array.from(projection.post),
    weights: Array.from(projection.weights),
  };
}

describe('CSR by hand', () => {
  it('lays out dense 2 x 3 row by row', () => {
    expect(
      csrOf(
        2,
        3,
        { kind: 'dense' },
        {
          values: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
      ),
    ).toEqual({
      rowPtr: [0, 3, 6],
      post: [0, 1, 2, 0, 1, 2],
      weights: [1, 2, 3, 4, 5, 6],
    });
  });

  it('lays out one-to-one 3', () => {
    expect(csrOf(3, 3, { kind: 'one-to-one' }, { values: [7, 8, 9] })).toEqual({
      rowPtr: [0, 1, 2, 3],
      post: [0, 1, 2],
      weights: [7, 8, 9],
    });
  });

  it('sorts list pairs with their weights', () => {
    const pairs = [
      [1, 0],
      [0, 2],
      [1, 1],
      [0, 0],
    ];
    expect(csrOf(2, 3, { kind: 'list', pairs }, { values: [10, 20, 30, 40] })).toEqual({
      rowPtr: [0, 2, 4],
      post: [0, 2, 0, 1],
      weights: [40, 20, 10, 30],
    });
  });

  it('keeps empty list rows', () => {
    expect(csrOf(3, 2, { kind: 'list', pairs: [[2, 1]] }, { values: [-5] })).toEqual({
      rowPtr: [0, 0, 0, 1],
      post: [1],
      weights: [-5],
    });
  });

  it('treats sparse p = 1 as dense', () => {
    const csr = csrOf(2, 2, { kind: 'sparse', p: 1 }, { init: 'constant', value: 3 });
    expect(csr).toEqual({ rowPtr: [0, 2, 4], post: [0, 1, 0, 1], weights: [3, 3, 3, 3] });
  });
});

describe('sparse connectivity', () => {
  const sparse = (fromSize: number, toSize: number, p: number, seed: number) =>
    csrOf(fromSize, toSize, { kind: 'sparse', p }, { init: 'constant', value: 1 }, seed);

  it('repeats for the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (seed, p) => {
          expect(sparse(20, 30, p, seed)).toEqual(sparse(20, 30, p, seed));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps a binomial count', () => {
    // The count is Binomial(N * M, p); six standard deviations fail once in about 5e8 runs.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (seed, p, fromSize, toSize) => {
          const pairs = fromSize * toSize;
          const count = sparse(fromSize, toSize, p, seed).post.length;
          const sd = Math.sqrt(pairs * p * (1 - p));
          expect(Math.abs(count - pairs * p)).toBeLessThanOrEqual(6 * sd + 1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('differs between seeds', () => {
    expect(sparse(30, 30, 0.3, 1).post).not.toEqual(sparse(30, 30, 0.3, 2).post);
  });

  it('keeps rows sorted and in range', () => {
    const { rowPtr, post } = sparse(40, 25, 0.4, 7);
    for (let pre = 0; pre < 40; pre++) {
      const row = post.slice(rowPtr[pre], rowPtr[pre + 1]);
      expect(row).toEqual([...new Set(row)].sort((a, b) => a - b));
      expect(row.every((target) => target >= 0 && target < 25)).toBe(true);
    }
  });

  it('gives every column probability p', () => {
    // One row of 10 targets at p = 0.3 over 2,000 seeds: each column is kept
    // Binomial(2000, 0.3) times, mean 600, sd 20.5.
    const keptPerColumn = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) {
      const csr = sparseCsr(0.3, 1, 10, createStream(seed, 'test'), () => undefined);
      for (const target of csr.post) keptPerColumn[target]!++;
    }
    for (const count of keptPerColumn) expect(Math.abs(count - 600)).toBeLessThan(6 * 20.5);
  });

  it('draws from the connectivity stream', () => {
    // The first gap of row 0 is floor(ln(1 - U) / ln(1 - p)) for the stream's first draw U.
    const u = createStream(5, 'connectivity/in-out').nextFloat();
    const firstTarget = Math.floor(Math.log(1 - u) / Math.log1p(-0.2));
    const { post, rowPtr } = sparse(1, 10_000, 0.2, 5);
    expect(rowPtr[1]).toBeGreaterThan(0);
    expect(post[0]).toBe(firstTarget);
  });
});

describe('weight init', () => {
  const uniform = (low: number, high: number, seed: number, mode = 'fixed') =>
    compile(twoPopulations(50, 100, { kind: 'dense' }, { init: 'uniform', low, high }, mode), { seed })
      .projections[0]!.weights;

  it('draws integer mantissas low..high', () => {
    const weights = uniform(-2, 2, 3);
    expect(weights).toBeInstanceOf(Int8Array);
    // 5,000 draws over 5 values: each Binomial(5000, 0.2), mean 1,000, sd 28.3.
    for (let value = -2; value <= 2; value++) {
      const count = weights.filter((w) => w === value).length;
      expect(Math.abs(count - 1000)).toBeLessThan(6 * 28.3);
    }
    expect(weights.every((w) => w >= -2 && w <= 2)).toBe(true);
  });

  it('draws reals in float mode', () => {
    const weights = uniform(-0.5, 1.5, 3, 'float');
    expect(weights).toBeInstanceOf(Float64Array);
    expect(weights.every((w) => w >= -0.5 && w < 1.5)).toBe(true);
    // Mean of 5,000 uniform draws on [-0.5, 1.5): 0.5, sd 2 / sqrt(12 * 5000) = 0.0082.
    const mean = Array.from(weights).reduce((sum, w) => sum + w, 0) / weights.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(6 * 0.0082);
  });

  it('uses the weights stream', () => {
    const stream = createStream(9, 'weights/in-out');
    const expected = [0, 1, 2].map(() => -2 + stream.nextInt(5));
    expect(Array.from(uniform(-2, 2, 9).slice(0, 3))).toEqual(expected);
  });

  it('repeats for the same seed', () => {
    expect(uniform(-100, 100, 11)).toEqual(uniform(-100, 100, 11));
    expect(uniform(-100, 100, 11)).not.toEqual(uniform(-100, 100, 12));
  });
});
