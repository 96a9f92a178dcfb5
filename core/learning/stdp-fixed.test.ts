import { describe, expect, it } from 'vitest';
import { createStream } from '../random';
import { createPlasticityRule } from './rules';
import { denseView, runSchedule, stdpSpec } from './test-support';
import type { Schedule } from './test-support';
import type { StdpSpec } from '../spec/schema';

// tau = dt / ln 2 gives the 12-bit register 2048: a decay by exactly one half, no rounding.
const halfLifeMs = 1 / Math.LN2;
const mantissaRange = { wMin: -128, wMax: 127 };

function runFixed(w0: number, learning: StdpSpec, schedule: Schedule, seed = 1): number {
  const view = denseView('fixed', 1, 1, [w0], learning);
  runSchedule(createPlasticityRule(view, createStream(seed, 'learning')), view, schedule);
  return view.weights[0]!;
}

describe('fixed STDP exact cases', () => {
  const halfLife = stdpSpec({ tauPreMs: halfLifeMs, tauPostMs: halfLifeMs, ...mantissaRange });

  it('same-tick pair adds aPlus', () => {
    const w = runFixed(10, { ...halfLife, aPlus: 2 }, { ticks: 3, pre: [[2, 0]], post: [[2, 0]] });
    expect(w).toBe(12);
  });

  it('one tick later adds half', () => {
    const w = runFixed(10, { ...halfLife, aPlus: 2 }, { ticks: 6, pre: [[5, 0]], post: [[6, 0]] });
    expect(w).toBe(11);
  });

  it('three ticks later adds an eighth', () => {
    const w = runFixed(10, { ...halfLife, aPlus: 8 }, { ticks: 8, pre: [[5, 0]], post: [[8, 0]] });
    expect(w).toBe(11);
  });

  it('post before pre depresses', () => {
    const w = runFixed(10, { ...halfLife, aMinus: 4 }, { ticks: 6, post: [[5, 0]], pre: [[6, 0]] });
    expect(w).toBe(8);
  });

  it('hard bound clamps at wMax', () => {
    const w = runFixed(
      126,
      { ...halfLife, aPlus: 2, wMax: 127 },
      { ticks: 3, pre: [[2, 0]], post: [[2, 0]] },
    );
    expect(w).toBe(127);
  });

  it('soft bound scales by wMax - w', () => {
    // 0.5 * 1.0 * (127 - 101) = 13.
    const learning = { ...halfLife, aPlus: 0.5, bound: 'soft' as const };
    const w = runFixed(101, learning, { ticks: 3, pre: [[2, 0]], post: [[2, 0]] });
    expect(w).toBe(114);
  });

  it('soft bound scales by w - wMin', () => {
    // 0.5 * 0.5 * (-52 - (-100)) = 12.
    const learning = { ...halfLife, aMinus: 0.5, wMin: -100, bound: 'soft' as const };
    const w = runFixed(-52, learning, { ticks: 6, post: [[5, 0]], pre: [[6, 0]] });
    expect(w).toBe(-64);
  });

  it('rejects wMax beyond a mantissa', () => {
    const view = denseView('fixed', 1, 1, [0], stdpSpec({ wMin: 0, wMax: 200 }));
    expect(() => createPlasticityRule(view, createStream(1, 'learning'))).toThrow(
      /learning\.wMax: fixed mode needs an integer weight mantissa in -128\.\.127, got 200/,
    );
  });

  it('rejects a fractional wMin', () => {
    const view = denseView('fixed', 1, 1, [0], stdpSpec({ wMin: 0.5, wMax: 10 }));
    expect(() => createPlasticityRule(view, createStream(1, 'learning'))).toThrow(/learning\.wMin.*got 0\.5/);
  });
});

describe('fixed STDP rounding', () => {
  it('mean inexact step is aPlus', () => {
    // 2000 synapses, one same-tick pairing each, aPlus 0.3: each weight gains 0 or 1, mean 0.3.
    const size = 2000;
    const learning = stdpSpec({ aPlus: 0.3, ...mantissaRange });
    const view = denseView('fixed', size, 1, new Array<number>(size).fill(0), learning);
    const rule = createPlasticityRule(view, createStream(9, 'learning'));
    const all: [number, number][] = Array.from({ length: size }, (_, i) => [1, i]);
    runSchedule(rule, view, { ticks: 1, pre: all, post: [[1, 0]] });

    const quantized = Math.round(0.3 * 2 ** 16) / 2 ** 16;
    const mean = Array.from(view.weights).reduce((sum, w) => sum + w, 0) / size;
    expect(Math.abs(mean - quantized)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / size));
  });
});

describe('fixed against float STDP', () => {
  const preSize = 8;
  const postSize = 4;
  const ticks = 2000;
  // The float run uses the decay factor of the fixed register (200 / 4096 per tick), so the
  // fixed weights are the float ones plus zero-mean rounding noise.
  const tauMs = -1 / Math.log((4096 - 200) / 4096);
  const learning = stdpSpec({ aPlus: 0.5, aMinus: 0.5, tauPreMs: tauMs, tauPostMs: tauMs, ...mantissaRange });

  function randomSchedule(seed: number): Schedule {
    const random = createStream(seed, 'spikes');
    const pre: [number, number][] = [];
    const post: [number, number][] = [];
    for (let t = 1; t <= ticks; t++) {
      for (let i = 0; i < preSize; i++) if (random.nextFloat() < 0.05) pre.push([t, i]);
      for (let j = 0; j < postSize; j++) if (random.nextFloat() < 0.05) post.push([t, j]);
    }
    return { ticks, pre, post };
  }

  function finalWeights(mode: 'fixed' | 'float', schedule: Schedule, seed: number): number[] {
    const view = denseView(mode, preSize, postSize, new Array<number>(preSize * postSize).fill(0), learning);
    runSchedule(createPlasticityRule(view, createStream(seed, 'learning')), view, schedule);
    return Array.from(view.weights);
  }

  const schedule = randomSchedule(42);
  const fixed = finalWeights('fixed', schedule, 5);
  const float = finalWeights('float', schedule, 5);

  it('float weights stay inside the bounds', () => {
    // Otherwise clamping, not rounding, would explain a difference.
    expect(Math.max(...float.map(Math.abs))).toBeLessThan(100);
  });

  it('stays within the rounding distance', () => {
    // Each update adds a rounding error of variance <= 1/4, so a weight touched n times is off by
    // sqrt(n) / 2 (one standard deviation). A trace is off by sqrt(1/4 / (1 - f^2)) / 256 = 0.0063
    // (f = 3896 / 4096), which moves each update by about 0.5 * 0.0063.
    for (let s = 0; s < fixed.length; s++) {
      const i = Math.floor(s / postSize);
      const j = s % postSize;
      const touches =
        schedule.pre!.filter(([, k]) => k === i).length + schedule.post!.filter(([, k]) => k === j).length;
      expect(Math.abs(fixed[s]! - float[s]!)).toBeLessThan(4 * 0.5 * Math.sqrt(touches) + 0.0032 * touches);
    }
  });

  it('differences have no bias', () => {
    const touches = (schedule.pre!.length * postSize + schedule.post!.length * preSize) / fixed.length;
    const meanDifference = fixed.reduce((sum, w, s) => sum + w - float[s]!, 0) / fixed.length;
    const standardError = (0.5 * Math.sqrt(touches)) / Math.sqrt(fixed.length);
    expect(Math.abs(meanDifference)).toBeLessThan(4 * standardError + 0.0032 * touches);
  });

  it('same seed gives the same weights', () => {
    expect(finalWeights('fixed', schedule, 5)).toEqual(fixed);
  });

  it('another seed gives other weights', () => {
    expect(finalWeights('fixed', schedule, 6)).not.toEqual(fixed);
  });
});
