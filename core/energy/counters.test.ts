import { describe, it, expect } from 'vitest';
import {
  COUNTER_NAMES,
  addCounters,
  countersFromArray,
  countersSchema,
  countersToArray,
  createCounters,
} from './counters';

describe('counters', () => {
  it('lists the ten chip counters in order', () => {
    expect(COUNTER_NAMES).toEqual([
      'synapticOps',
      'denseOps',
      'macOps',
      'activeNeuronUpdates',
      'idleNeuronUpdates',
      'learningUpdates',
      'spikes',
      'withinTileSpikes',
      'hopsEastWest',
      'hopsNorthSouth',
    ]);
  });

  it('start at zero', () => {
    const counters = createCounters();
    for (const name of COUNTER_NAMES) expect(counters[name], name).toBe(0);
  });

  it('object key order matches the names', () => {
    expect(Object.keys(createCounters())).toEqual(COUNTER_NAMES);
  });

  it('add field by field without mutating', () => {
    const a = createCounters();
    const b = createCounters();
    a.synapticOps = 10;
    a.spikes = 3;
    b.synapticOps = 5;
    b.hopsNorthSouth = 7;

    const sum = addCounters(a, b);

    expect(sum.synapticOps).toBe(15);
    expect(sum.spikes).toBe(3);
    expect(sum.hopsNorthSouth).toBe(7);
    expect(sum.denseOps).toBe(0);
    expect(a.synapticOps).toBe(10);
    expect(b.synapticOps).toBe(5);
  });

  it('round-trip through an array', () => {
    const counters = createCounters();
    counters.macOps = 2;
    counters.idleNeuronUpdates = 2 ** 40;
    const array = countersToArray(counters);

    expect(Array.from(array)).toEqual([0, 0, 2, 0, 2 ** 40, 0, 0, 0, 0, 0]);
    expect(countersFromArray(array)).toEqual(counters);
  });

  it('reject an array of the wrong length', () => {
    expect(() => countersFromArray([1, 2, 3])).toThrow(/10 values, got 3/);
  });

  it('schema rejects negative and missing counters', () => {
    const valid = createCounters();
    expect(countersSchema.safeParse(valid).success).toBe(true);
    expect(countersSchema.safeParse({ ...valid, spikes: -1 }).success).toBe(false);
    expect(countersSchema.safeParse({ ...valid, spikes: 1.5 }).success).toBe(false);
    const { spikes: _spikes, ...missing } = valid;
    expect(countersSchema.safeParse(missing).success).toBe(false);
  });
});
