import { describe, it, expect } from 'vitest';
import { createCounters } from '../energy/counters';
import {
  activationSparsity,
  connectionSparsity,
  denseOpsPerTick,
  footprintBytes,
  synapticOpsPerSample,
} from './neurobench';

describe('footprintBytes', () => {
  it('sums weights, indices, state and ring', () => {
    // 3 -> 2 dense, 8-bit weights: 6 B weights, (3 + 1 + 6) * 4 = 40 B indices.
    // 2 LIF neurons with u, v and a refractory counter as Int32: 2 * 12 = 24 B.
    // Ring: 2 slots over 5 neurons of Int32: 40 B. Total 110 B.
    const footprint = footprintBytes({
      projections: [{ preSize: 3, synapses: 6, bytesPerWeight: 1 }],
      populations: [{ size: 2, bytesPerNeuron: 12 }],
      delayRing: { slots: 2, neurons: 5, bytesPerEntry: 4 },
    });

    expect(footprint.weightsBytes).toBe(6);
    expect(footprint.connectivityBytes).toBe(40);
    expect(footprint.synapseStateBytes).toBe(0);
    expect(footprint.neuronStateBytes).toBe(24);
    expect(footprint.delayRingBytes).toBe(40);
    expect(footprint.totalBytes).toBe(110);
  });

  it('counts float weights and learning state', () => {
    // 4 synapses of float64 (32 B) with one float64 eligibility each (32 B), 2-byte indices:
    // (2 + 1 + 4) * 2 = 14 B.
    const footprint = footprintBytes({
      projections: [
        { preSize: 2, synapses: 4, bytesPerWeight: 8, bytesPerIndex: 2, bytesPerSynapseState: 8 },
      ],
      populations: [],
      delayRing: { slots: 0, neurons: 0, bytesPerEntry: 8 },
    });

    expect(footprint.weightsBytes).toBe(32);
    expect(footprint.synapseStateBytes).toBe(32);
    expect(footprint.connectivityBytes).toBe(14);
    expect(footprint.totalBytes).toBe(78);
  });

  it('rejects a negative size naming it', () => {
    expect(() =>
      footprintBytes({
        projections: [{ preSize: -1, synapses: 0, bytesPerWeight: 1 }],
        populations: [],
        delayRing: { slots: 1, neurons: 1, bytesPerEntry: 4 },
      }),
    ).toThrow('projections[0].preSize must be a non-negative integer, got -1');
  });
});

describe('connectionSparsity', () => {
  it('dense projection has sparsity 0', () => {
    expect(connectionSparsity([{ preSize: 4, postSize: 3, synapses: 12 }])).toBe(0);
  });

  it('one-to-one 4 x 4 has sparsity 0.75', () => {
    expect(connectionSparsity([{ preSize: 4, postSize: 4, synapses: 4 }])).toBe(0.75);
  });

  it('pools slots across projections', () => {
    // Nonzero 6 + 2 = 8 over 2 * 3 + 2 * 5 = 16 slots: sparsity 0.5.
    const sparsity = connectionSparsity([
      { preSize: 2, postSize: 3, synapses: 6 },
      { preSize: 2, postSize: 5, synapses: 2 },
    ]);
    expect(sparsity).toBe(0.5);
  });

  it('stored zero weights count as absent', () => {
    // 8 stored, 4 of them zero: 4 nonzero over 8 slots.
    expect(connectionSparsity([{ preSize: 2, postSize: 4, synapses: 8, zeroWeightSynapses: 4 }])).toBe(0.5);
  });

  it('no projection gives null', () => {
    expect(connectionSparsity([])).toBeNull();
  });

  it('rejects more synapses than slots', () => {
    expect(() => connectionSparsity([{ preSize: 2, postSize: 2, synapses: 5 }])).toThrow(
      'projections[0].synapses must be at most preSize * postSize = 4, got 5',
    );
  });
});

describe('activationSparsity', () => {
  it('10 spikes over 10 neurons and 100 ticks is 0.99', () => {
    expect(activationSparsity({ spikes: 10, neurons: 10, ticks: 100 })).toBe(0.99);
  });

  it('silent network has sparsity 1', () => {
    expect(activationSparsity({ spikes: 0, neurons: 5, ticks: 7 })).toBe(1);
  });

  it('spike on every neuron-tick has sparsity 0', () => {
    expect(activationSparsity({ spikes: 35, neurons: 5, ticks: 7 })).toBe(0);
  });

  it('no neuron-tick gives null', () => {
    expect(activationSparsity({ spikes: 0, neurons: 0, ticks: 7 })).toBeNull();
  });

  it('rejects more spikes than neuron-ticks', () => {
    expect(() => activationSparsity({ spikes: 36, neurons: 5, ticks: 7 })).toThrow(
      /at most neurons \* ticks = 35, got 36/,
    );
  });
});

describe('synapticOpsPerSample', () => {
  it('averages the counters over samples', () => {
    const counters = createCounters();
    counters.synapticOps = 300;
    counters.macOps = 30;
    counters.denseOps = 3000;

    expect(synapticOpsPerSample(counters, 3)).toEqual({
      effectiveAccumulates: 100,
      effectiveMultiplyAccumulates: 10,
      dense: 1000,
    });
  });

  it('zero samples gives null', () => {
    expect(synapticOpsPerSample(createCounters(), 0)).toBeNull();
  });
});

describe('denseOpsPerTick', () => {
  it('sums pre times post', () => {
    // 784 * 100 + 100 * 10 = 79,400.
    expect(
      denseOpsPerTick([
        { preSize: 784, postSize: 100 },
        { preSize: 100, postSize: 10 },
      ]),
    ).toBe(79_400);
  });
});
