import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { binSpikes, planGrid } from './bin-spikes';

const spikes = (pairs: [number, number][]) => ({
  ticks: Int32Array.from(pairs.map(([tick]) => tick)),
  neurons: Int32Array.from(pairs.map(([, neuron]) => neuron)),
});

describe('binSpikes', () => {
  it('skips spikes outside the view', () => {
    const { ticks, neurons } = spikes([
      [9, 0],
      [20, 0],
      [10, 5],
      [10, 0],
      [19, 4],
    ]);
    const grid = binSpikes(
      ticks,
      neurons,
      5,
      { tickStart: 10, tickEnd: 20, neuronStart: 0, neuronEnd: 5 },
      100,
      50,
    );
    expect(grid.drawn).toBe(2);
  });

  it('gives each tick a column when zoomed in', () => {
    const { ticks, neurons } = spikes([[3, 1]]);
    const grid = binSpikes(
      ticks,
      neurons,
      1,
      { tickStart: 1, tickEnd: 11, neuronStart: 0, neuronEnd: 2 },
      100,
      50,
    );
    expect(grid.columns).toBe(10);
    expect(grid.rows).toBe(2);
    // Tick 3 is the third tick of the view (column 2), neuron 1 is row 1.
    expect(grid.counts[1 * 10 + 2]).toBe(1);
  });

  it('sums ten ticks per pixel column', () => {
    const pairs: [number, number][] = [];
    for (let tick = 1; tick <= 10; tick++) pairs.push([tick, 0]);
    const { ticks, neurons } = spikes(pairs);
    const grid = binSpikes(
      ticks,
      neurons,
      10,
      { tickStart: 1, tickEnd: 1001, neuronStart: 0, neuronEnd: 1 },
      100,
      10,
    );
    expect(grid.ticksPerColumn).toBe(10);
    expect(grid.counts[0]).toBe(10);
    expect(grid.maxCount).toBe(10);
  });

  it('reads only the first count entries', () => {
    const { ticks, neurons } = spikes([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    const grid = binSpikes(
      ticks,
      neurons,
      2,
      { tickStart: 1, tickEnd: 4, neuronStart: 0, neuronEnd: 1 },
      10,
      10,
    );
    expect(grid.drawn).toBe(2);
  });

  it('bins a ten-million-tick axis', () => {
    const { ticks, neurons } = spikes([
      [1, 0],
      [10_000_000, 0],
    ]);
    const view = { tickStart: 1, tickEnd: 10_000_001, neuronStart: 0, neuronEnd: 1 };
    const grid = binSpikes(ticks, neurons, 2, view, 1000, 10);
    expect(grid.drawn).toBe(2);
    expect(grid.counts[0]).toBe(1);
    expect(grid.counts[999]).toBe(1);
  });

  it('draws every spike of the full view', () => {
    const spike = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 299 }));
    fc.assert(
      fc.property(fc.array(spike, { maxLength: 400 }), fc.integer({ min: 1, max: 900 }), (pairs, widthPx) => {
        const { ticks, neurons } = spikes(pairs);
        const view = { tickStart: 1, tickEnd: 5001, neuronStart: 0, neuronEnd: 300 };
        const grid = binSpikes(ticks, neurons, pairs.length, view, widthPx, 120);
        const total = grid.counts.reduce((sum, value) => sum + value, 0);
        return grid.drawn === pairs.length && total === pairs.length;
      }),
    );
  });
});

describe('planGrid', () => {
  it('covers a fractional view with whole ticks', () => {
    const plan = planGrid({ tickStart: 2.5, tickEnd: 7.2, neuronStart: 0.4, neuronEnd: 3 }, 500, 500);
    expect(plan.tickOrigin).toBe(2);
    expect(plan.columns).toBe(6);
    expect(plan.neuronOrigin).toBe(0);
    expect(plan.rows).toBe(3);
  });
});
