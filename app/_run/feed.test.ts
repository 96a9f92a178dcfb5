import { describe, expect, it } from 'vitest';

import { RunFeed } from './feed';
import { runSpecShapeSchema } from './messages';

const spec = runSpecShapeSchema.parse({
  name: 'three',
  dtMs: 1,
  populations: [
    { name: 'in', size: 2 },
    { name: 'hidden', size: 3 },
    { name: 'out', size: 1 },
  ],
  record: { spikes: ['in', 'out'] },
});

function chunk(seq: number, tick: number, synapticOps: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'chunk' as const,
    seq,
    tick,
    data: { tick, counters: { synapticOps }, spikeCounts: { in: 1, hidden: 7, out: 1 }, ...extra },
  };
}

describe('RunFeed', () => {
  it('stacks recorded populations only', () => {
    const feed = new RunFeed(spec);
    expect(feed.populations).toEqual([
      { name: 'in', offset: 0, size: 2 },
      { name: 'out', offset: 2, size: 1 },
    ]);
    expect(feed.neuronCount).toBe(3);
  });

  it('offsets raster neurons by population', () => {
    const feed = new RunFeed(spec);
    const raster = [
      { population: 'out', spikes: [[5, 0]] },
      { population: 'in', spikes: [[1, 1]] },
    ];
    feed.apply(chunk(0, 100, 0, { raster }), 0);
    expect(Array.from(feed.spikes.neurons.subarray(0, feed.spikes.length))).toEqual([2, 1]);
    expect(Array.from(feed.spikes.ticks.subarray(0, feed.spikes.length))).toEqual([5, 1]);
  });

  it('turns cumulative ops into a rate', () => {
    const feed = new RunFeed(spec);
    feed.apply(chunk(0, 100, 400), 0);
    feed.apply(chunk(1, 300, 1000), 1000);
    // 400 ops over ticks 1..100, then 600 more over the next 200 ticks.
    expect(feed.series.synapticOpsPerTick).toEqual([4, 3]);
  });

  it('converts energy to nanojoules', () => {
    const feed = new RunFeed(spec);
    feed.apply(chunk(0, 100, 0, { energyJ: 2e-6 }), 0);
    expect(feed.series.energyNanojoules[0]).toBeCloseTo(2000, 9);
  });

  it('ignores a repeated chunk', () => {
    const feed = new RunFeed(spec);
    feed.apply(chunk(0, 100, 400), 0);
    feed.apply(chunk(0, 100, 400), 10);
    expect(feed.series.ticks).toEqual([100]);
  });

  it('estimates rate and time left', () => {
    const feed = new RunFeed(spec);
    feed.apply(
      { type: 'status', status: 'running', ticksDone: 0, totalTicks: 1000, error: null, summary: null },
      0,
    );
    feed.apply(chunk(0, 100, 0), 0);
    feed.apply(chunk(1, 300, 0), 1000);
    // 200 ticks in one second; 700 ticks remain.
    expect(feed.ticksPerSecond()).toBe(200);
    expect(feed.secondsLeft()).toBe(3.5);
  });

  it('counts recorded spikes from chunks', () => {
    const feed = new RunFeed(spec);
    feed.apply(chunk(0, 100, 0), 0);
    feed.apply(chunk(1, 200, 0), 0);
    // in and out spike once per chunk; hidden is not recorded.
    expect(feed.recordedSpikeCount()).toBe(4);
  });

  it('prefers the summary once finished', () => {
    const feed = new RunFeed(spec);
    const summary = { spikes: { in: 10, hidden: 99, out: 5 } };
    feed.apply(
      { type: 'status', status: 'succeeded', ticksDone: 10, totalTicks: 10, error: null, summary },
      0,
    );
    expect(feed.recordedSpikeCount()).toBe(15);
    expect(feed.finished).toBe(true);
  });

  it('skips a chunk it cannot read', () => {
    const feed = new RunFeed(spec);
    feed.apply({ type: 'chunk', seq: 0, tick: 5, data: 'garbage' }, 0);
    expect(feed.series.ticks).toEqual([]);
  });

  it('keeps events once each', () => {
    const feed = new RunFeed(spec);
    const event = { type: 'event' as const, seq: 0, tick: 40, kind: 'rollback', data: {}, appliedTick: null };
    feed.apply(event, 0);
    feed.apply(event, 0);
    expect(feed.events).toHaveLength(1);
  });
});
