import { describe, it, expect } from 'vitest';
import { createCounters } from './counters';
import { estimateEnergy } from './estimate';
import { LOIHI_2018_TABLE2, getEnergyCostTable } from './cost-tables';
import type { EnergyCostTable } from './cost-tables';

describe('estimateEnergy', () => {
  it('costs each counter at the Loihi 2018 figures', () => {
    // One event of each kind: 23.6 + 120 + 81 + 52 + 1.7 + 3.0 + 4.0 = 285.3 pJ.
    const counters = createCounters();
    counters.synapticOps = 1;
    counters.learningUpdates = 1;
    counters.activeNeuronUpdates = 1;
    counters.idleNeuronUpdates = 1;
    counters.withinTileSpikes = 1;
    counters.hopsEastWest = 1;
    counters.hopsNorthSouth = 1;

    const estimate = estimateEnergy(counters);

    expect(estimate.joules).toBeCloseTo(285.3e-12, 22);
    expect(estimate.breakdown.synapticOps).toBeCloseTo(23.6e-12, 24);
    expect(estimate.breakdown.learningUpdates).toBeCloseTo(120e-12, 24);
    expect(estimate.breakdown.activeNeuronUpdates).toBeCloseTo(81e-12, 24);
    expect(estimate.breakdown.idleNeuronUpdates).toBeCloseTo(52e-12, 24);
    expect(estimate.breakdown.withinTileSpikes).toBeCloseTo(1.7e-12, 24);
    expect(estimate.breakdown.hopsEastWest).toBeCloseTo(3.0e-12, 24);
    expect(estimate.breakdown.hopsNorthSouth).toBeCloseTo(4.0e-12, 24);
  });

  it('scales linearly with the counts', () => {
    // 1e6 synaptic ops at 23.6 pJ = 23.6 uJ; 2e5 idle updates at 52 pJ = 10.4 uJ.
    const counters = createCounters();
    counters.synapticOps = 1_000_000;
    counters.idleNeuronUpdates = 200_000;

    expect(estimateEnergy(counters).joules).toBeCloseTo(34.0e-6, 15);
  });

  it('zero counters cost nothing', () => {
    expect(estimateEnergy(createCounters()).joules).toBe(0);
  });

  it('is labelled an estimate naming the table', () => {
    const estimate = estimateEnergy(createCounters());
    expect(estimate.kind).toBe('estimate');
    expect(estimate.table.id).toBe('loihi-2018-table2');
    expect(estimate.table.source).toMatch(/Davies et al.*IEEE Micro.*2018.*Table 2/);
    expect(estimate.label).toBe('estimate, cost table loihi-2018-table2');
  });

  it('reports non-zero uncosted counters', () => {
    const counters = createCounters();
    counters.macOps = 5;
    counters.denseOps = 100;
    counters.spikes = 2;

    const estimate = estimateEnergy(counters);

    expect(estimate.joules).toBe(0);
    expect(estimate.uncosted.map((u) => [u.counter, u.count])).toEqual([
      ['denseOps', 100],
      ['macOps', 5],
      ['spikes', 2],
    ]);
  });

  it('accepts another table', () => {
    const table: EnergyCostTable = {
      id: 'test-1',
      source: 'hand-made',
      picojoulesPerEvent: { spikes: 2 },
      uncosted: {},
    };
    const counters = createCounters();
    counters.spikes = 3;
    counters.synapticOps = 4;

    const estimate = estimateEnergy(counters, table);

    expect(estimate.joules).toBe(6e-12);
    expect(estimate.uncosted).toEqual([
      { counter: 'synapticOps', count: 4, reason: 'the table has no figure for this counter' },
    ]);
  });
});

describe('getEnergyCostTable', () => {
  it('finds the Loihi table by id', () => {
    expect(getEnergyCostTable('loihi-2018-table2')).toBe(LOIHI_2018_TABLE2);
  });

  it('rejects an unknown id', () => {
    expect(() => getEnergyCostTable('nope')).toThrow(/"nope" not found; known tables: loihi-2018-table2/);
  });
});
