import { describe, expect, it } from 'vitest';

import { formatCompact, niceTicks } from './axis';

describe('niceTicks', () => {
  it('steps by twenty over a hundred', () => {
    expect(niceTicks(0, 100, 5)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('rounds decimal steps exactly', () => {
    expect(niceTicks(0, 0.6, 3)).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('starts at the first multiple inside', () => {
    // Raw step 0.2125 rounds up to 0.5, whose only multiple in [0.1, 0.95] is 0.5.
    expect(niceTicks(0.1, 0.95, 4)).toEqual([0.5]);
  });

  it('returns nothing for an empty range', () => {
    expect(niceTicks(5, 5, 4)).toEqual([]);
  });
});

describe('formatCompact', () => {
  it('keeps four-digit numbers whole', () => {
    expect(formatCompact(1200)).toBe('1200');
  });

  it('abbreviates thousands and millions', () => {
    expect(formatCompact(12_000)).toBe('12k');
    expect(formatCompact(2_500_000)).toBe('2.5M');
  });
});
