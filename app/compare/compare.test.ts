import { describe, expect, it } from 'vitest';

import { alignSeries } from './align';
import { diffLines } from './diff-lines';

describe('alignSeries', () => {
  it('merges x values with gaps', () => {
    const aligned = alignSeries([
      { x: [100, 300], y: [0.1, 0.3] },
      { x: [200, 300], y: [0.5, 0.6] },
    ]);
    expect(aligned.x).toEqual([100, 200, 300]);
    expect(aligned.ys).toEqual([
      [0.1, null, 0.3],
      [null, 0.5, 0.6],
    ]);
  });

  it('returns empty axes for no series', () => {
    expect(alignSeries([])).toEqual({ x: [], ys: [] });
  });
});

describe('diffLines', () => {
  it('marks one changed line', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('finds an inserted line', () => {
    expect(diffLines('a\nc', 'a\nb\nc').map((line) => line.kind)).toEqual(['same', 'added', 'same']);
  });

  it('reports identical texts as same', () => {
    expect(diffLines('a\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
  });
});
