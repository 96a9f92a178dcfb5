import { describe, expect, it } from 'vitest';

import type { RecordedState } from '../../server/services/core-api';
import { MAX_TRACE_NEURONS, MAX_TRACE_VALUES_PER_CHUNK, toStateTraces } from './state-traces';

function recorded(neurons: number, samples: number): RecordedState {
  return {
    population: 'out',
    variable: 'v',
    ticks: Array.from({ length: samples }, (_, i) => i + 1),
    values: Array.from({ length: samples }, (_, i) =>
      Array.from({ length: neurons }, (_, n) => i * 1000 + n),
    ),
  };
}

describe('toStateTraces', () => {
  it('keeps small recordings whole', () => {
    const [trace] = toStateTraces([recorded(3, 4)]);

    expect(trace?.neurons).toEqual([0, 1, 2]);
    expect(trace?.ticks).toEqual([1, 2, 3, 4]);
    expect(trace?.values[3]).toEqual([3000, 3001, 3002]);
    expect(trace?.thinned).toBe(false);
  });

  it('keeps the first 16 neurons', () => {
    const [trace] = toStateTraces([recorded(100, 2)]);

    expect(MAX_TRACE_NEURONS).toBe(16);
    expect(trace?.neurons).toEqual(Array.from({ length: 16 }, (_, n) => n));
    expect(trace?.values[1]).toHaveLength(16);
    expect(trace?.values[1]?.[15]).toBe(1015);
  });

  it('thins samples over the chunk limit', () => {
    // 16 neurons x 2,500 samples = 40,000 values, twice the limit of 20,000: every 2nd sample.
    const [trace] = toStateTraces([recorded(16, 2_500)]);

    expect(MAX_TRACE_VALUES_PER_CHUNK).toBe(20_000);
    expect(trace?.ticks).toHaveLength(1_250);
    expect(trace?.ticks.slice(0, 3)).toEqual([1, 3, 5]);
    expect(trace?.values[1]?.[0]).toBe(2000);
    expect(trace?.thinned).toBe(true);
  });

  it('drops empty recordings', () => {
    expect(toStateTraces([recorded(4, 0)])).toEqual([]);
  });
});
