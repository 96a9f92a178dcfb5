import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { timeMs, tickAtMs } from './time';

describe('timeMs', () => {
  it('F09 tick 10 at 0.1 ms is 1.0', () => {
    expect(timeMs(10, 0.1)).toBe(1);
  });

  it('tick 3 at 0.1 ms is 0.3, not the raw product', () => {
    // The raw product is 0.30000000000000004 in IEEE doubles.
    expect(3 * 0.1).not.toBe(0.3);
    expect(timeMs(3, 0.1)).toBe(0.3);
  });

  it('decimal times print as decimals', () => {
    const cases: [number, number, string][] = [
      [7, 0.1, '0.7'],
      [3, 0.3, '0.9'],
      [1, 0.05, '0.05'],
      [123, 0.025, '3.075'],
      [4, 0.25, '1'],
      [3, 1, '3'],
    ];
    for (const [tick, dtMs, expected] of cases) {
      expect(String(timeMs(tick, dtMs)), `tick ${tick} at ${dtMs} ms`).toBe(expected);
    }
  });

  it('tick 0 is time 0', () => {
    expect(timeMs(0, 0.1)).toBe(0);
  });

  it('F09 ticks past 2^24 stay distinct', () => {
    for (const start of [2 ** 24 - 1, 2 ** 24, 2 ** 32, 2 ** 40, 2 ** 51]) {
      const a = timeMs(start, 0.1);
      const b = timeMs(start + 1, 0.1);
      expect(b, `ticks ${start} and ${start + 1}`).toBeGreaterThan(a);
    }
  });

  it('equals the exact decimal past 2^24', () => {
    // 2^24 + 1 = 16777217 ticks of 0.1 ms is 1677721.7 ms exactly.
    expect(timeMs(2 ** 24 + 1, 0.1)).toBe(1677721.7);
  });

  it('non-decimal tick length uses the product', () => {
    expect(timeMs(6, 1 / 3)).toBe(6 * (1 / 3));
  });

  it('rejects bad ticks and tick lengths', () => {
    expect(() => timeMs(-1, 0.1)).toThrow(/tick/);
    expect(() => timeMs(1.5, 0.1)).toThrow(/tick/);
    expect(() => timeMs(1, 0)).toThrow(/dtMs/);
    expect(() => timeMs(1, Number.NaN)).toThrow(/dtMs/);
  });
});

describe('tickAtMs', () => {
  it('F09 1.0 ms at 0.1 ms is tick 10', () => {
    expect(tickAtMs(1.0, 0.1)).toBe(10);
  });

  it('0.3 ms at 0.1 ms is tick 3', () => {
    // The raw quotient is 2.9999999999999996.
    expect(tickAtMs(0.3, 0.1)).toBe(3);
  });

  it('half-way times go to the later tick', () => {
    expect(tickAtMs(0.15, 0.1)).toBe(2);
    expect(tickAtMs(0.25, 0.1)).toBe(3);
    expect(tickAtMs(1.5, 1)).toBe(2);
  });

  it('off-grid times go to the nearest tick', () => {
    expect(tickAtMs(0.14, 0.1)).toBe(1);
    expect(tickAtMs(0.16, 0.1)).toBe(2);
    expect(tickAtMs(2.4, 1)).toBe(2);
  });

  it('inverts timeMs on the grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.constantFrom(0.1, 0.05, 0.025, 0.2, 0.3, 1, 0.5, 0.125),
        (tick, dtMs) => tickAtMs(timeMs(tick, dtMs), dtMs) === tick,
      ),
    );
  });

  it('rejects negative and non-finite times', () => {
    expect(() => tickAtMs(-0.1, 0.1)).toThrow(/time/);
    expect(() => tickAtMs(Number.POSITIVE_INFINITY, 0.1)).toThrow(/time/);
    expect(() => tickAtMs(1, -1)).toThrow(/dtMs/);
  });
});
