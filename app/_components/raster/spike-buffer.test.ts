import { describe, expect, it } from 'vitest';

import { SpikeBuffer } from './spike-buffer';

describe('SpikeBuffer', () => {
  it('keeps spikes across growth', () => {
    const buffer = new SpikeBuffer(16);
    for (let i = 0; i < 100; i++) buffer.push(i + 1, i % 7);
    expect(buffer.length).toBe(100);
    expect(buffer.ticks[99]).toBe(100);
    expect(buffer.neurons[99]).toBe(99 % 7);
    expect(buffer.maxTick).toBe(100);
  });

  it('offsets pair neuron indices', () => {
    const buffer = new SpikeBuffer();
    buffer.pushPairs(
      [
        [3, 0],
        [5, 2],
      ],
      784,
    );
    expect(Array.from(buffer.neurons.subarray(0, buffer.length))).toEqual([784, 786]);
    expect(buffer.maxTick).toBe(5);
  });

  it('rejects arrays of unequal length', () => {
    const buffer = new SpikeBuffer();
    expect(() => buffer.pushArrays([1, 2], [0])).toThrow('2 ticks, 1 neurons');
  });
});
