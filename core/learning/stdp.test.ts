import { describe, expect, it } from 'vitest';
import { createStream } from '../random';
import { createPlasticityRule } from './rules';
import { denseView, runSchedule, stdpSpec } from './test-support';
import type { Schedule } from './test-support';
import type { StdpSpec } from '../spec/schema';

/** Runs one float synapse from `w0` through the schedule and returns its final weight. */
function runOneSynapse(w0: number, learning: StdpSpec, schedule: Schedule, dtMs = 1): number {
  const view = denseView('float', 1, 1, [w0], learning, dtMs);
  runSchedule(createPlasticityRule(view, createStream(1, 'learning')), view, schedule);
  return view.weights[0]!;
}

// Wide bounds, so the closed forms are not clipped.
const open = { wMin: -10, wMax: 10 };

describe('float pair STDP closed forms', () => {
  it.each([1, 2, 5, 20, 60])('pre %i ticks before post potentiates', (gap) => {
    const learning = stdpSpec({ aPlus: 0.01, aMinus: 0.012, tauPreMs: 20, ...open });
    const w = runOneSynapse(0.5, learning, { ticks: 10 + gap, pre: [[5, 0]], post: [[5 + gap, 0]] });
    expect(w - 0.5).toBeCloseTo(0.01 * Math.exp(-gap / 20), 14);
  });

  it.each([1, 3, 10, 40])('post %i ticks before pre depresses', (gap) => {
    const learning = stdpSpec({ aPlus: 0.01, aMinus: 0.012, tauPostMs: 15, ...open });
    const w = runOneSynapse(0.5, learning, { ticks: 10 + gap, post: [[5, 0]], pre: [[5 + gap, 0]] });
    expect(w - 0.5).toBeCloseTo(-0.012 * Math.exp(-gap / 15), 14);
  });

  it('tick length scales the interval', () => {
    // 8 ticks of 0.5 ms are 4 ms: exp(-4 / 10).
    const learning = stdpSpec({ aPlus: 0.02, tauPreMs: 10, ...open });
    const w = runOneSynapse(0, learning, { ticks: 12, pre: [[2, 0]], post: [[10, 0]] }, 0.5);
    expect(w).toBeCloseTo(0.02 * Math.exp(-0.4), 14);
  });

  it('same-tick pair potentiates by aPlus', () => {
    const learning = stdpSpec({ aPlus: 0.01, aMinus: 0.012, ...open });
    const w = runOneSynapse(0.5, learning, { ticks: 5, pre: [[3, 0]], post: [[3, 0]] });
    expect(w - 0.5).toBeCloseTo(0.01, 15);
  });

  it('same-tick pre reads post trace first', () => {
    // Post at 2, then pre and post together at 5: LTD reads y = exp(-3/20) before the post jump,
    // LTP reads x = 1 after the pre jump; the post spike at 2 saw no pre trace.
    const learning = stdpSpec({ aPlus: 0.01, aMinus: 0.012, ...open });
    const w = runOneSynapse(0.5, learning, {
      ticks: 6,
      pre: [[5, 0]],
      post: [
        [2, 0],
        [5, 0],
      ],
    });
    expect(w - 0.5).toBeCloseTo(0.01 - 0.012 * Math.exp(-3 / 20), 14);
  });

  it('traces sum all earlier spikes', () => {
    const learning = stdpSpec({ aPlus: 0.01, tauPreMs: 20, ...open });
    const schedule: Schedule = {
      ticks: 8,
      pre: [
        [1, 0],
        [3, 0],
      ],
      post: [[6, 0]],
    };
    const w = runOneSynapse(0, learning, schedule);
    expect(w).toBeCloseTo(0.01 * (Math.exp(-5 / 20) + Math.exp(-3 / 20)), 14);
  });
});

describe('float STDP bounds', () => {
  const pairing: Schedule = { ticks: 3, pre: [[2, 0]], post: [[2, 0]] };

  it('F06 hard bound stores wMax', () => {
    const w = runOneSynapse(0.98, stdpSpec({ aPlus: 0.05, wMin: 0, wMax: 1 }), pairing);
    expect(w).toBe(1);
  });

  it('F06 soft bound adds 0.001', () => {
    const w = runOneSynapse(0.98, stdpSpec({ aPlus: 0.05, wMin: 0, wMax: 1, bound: 'soft' }), pairing);
    expect(w).toBeCloseTo(0.981, 15);
  });

  it('soft bound ignores the span', () => {
    // The factor is the raw distance wMax - w, so wMin does not change the step.
    const w = runOneSynapse(0.98, stdpSpec({ aPlus: 0.05, wMin: -1, wMax: 1, bound: 'soft' }), pairing);
    expect(w).toBeCloseTo(0.981, 15);
  });

  it('soft depression scales by w - wMin', () => {
    const learning = stdpSpec({ aMinus: 0.5, tauPostMs: 20, wMin: 0.1, wMax: 1, bound: 'soft' });
    const w = runOneSynapse(0.4, learning, { ticks: 4, post: [[1, 0]], pre: [[2, 0]] });
    expect(w).toBeCloseTo(0.4 - 0.5 * Math.exp(-1 / 20) * (0.4 - 0.1), 14);
  });

  it('hard bound clamps at wMin', () => {
    const learning = stdpSpec({ aMinus: 0.05, wMin: 0, wMax: 1 });
    const w = runOneSynapse(0.01, learning, { ticks: 3, post: [[1, 0]], pre: [[2, 0]] });
    expect(w).toBe(0);
  });

  it('clamp happens before the next update', () => {
    // Two potentiations of 0.05 from 0.98: clamped to 1 after the first, the second starts at 1.
    // Then a depression of aMinus * exp(-1/20) must start from 1.0, not from 1.08.
    const learning = stdpSpec({ aPlus: 0.05, aMinus: 0.05, tauPostMs: 20, wMin: 0, wMax: 1 });
    const w = runOneSynapse(0.98, learning, {
      ticks: 6,
      pre: [
        [2, 0],
        [3, 0],
      ],
      post: [[2, 0]],
    });
    expect(w).toBeCloseTo(1 - 0.05 * Math.exp(-1 / 20), 14);
  });
});

describe('float STDP on a sparse projection', () => {
  // pre 0 -> post 0, 1; pre 1 -> post 1; pre 2 -> post 0.
  function sparseView() {
    const learning = stdpSpec({ aPlus: 0.1, aMinus: 0.2, tauPreMs: 10, tauPostMs: 5, ...open });
    return {
      mode: 'float' as const,
      dtMs: 1,
      preSize: 3,
      postSize: 2,
      rowPtr: Int32Array.from([0, 2, 3, 4]),
      post: Int32Array.from([0, 1, 1, 0]),
      weights: new Float64Array(4),
      learning,
    };
  }

  it('updates only synapses of the neurons', () => {
    const view = sparseView();
    const rule = createPlasticityRule(view, createStream(3, 'learning'));
    // pre 0 at 1, pre 1 at 3, post 1 at 4: synapses 1 (0->1) and 2 (1->1) potentiate.
    runSchedule(rule, view, {
      ticks: 5,
      pre: [
        [1, 0],
        [3, 1],
      ],
      post: [[4, 1]],
    });
    expect(Array.from(view.weights)).toEqual([
      0,
      expect.closeTo(0.1 * Math.exp(-3 / 10), 14),
      expect.closeTo(0.1 * Math.exp(-1 / 10), 14),
      0,
    ]);
  });

  it('counts one update per touched synapse', () => {
    const view = sparseView();
    const rule = createPlasticityRule(view, createStream(3, 'learning'));
    // pre 0 touches 2 synapses, post 0 has 2 incoming, post 1 has 2 incoming.
    const updates = runSchedule(rule, view, {
      ticks: 3,
      pre: [[1, 0]],
      post: [
        [2, 0],
        [2, 1],
      ],
    });
    expect(updates).toBe(6);
  });
});

describe('float STDP state and input checks', () => {
  it('restored state continues the run', () => {
    const learning = stdpSpec({ ...open });
    const schedule: Schedule = {
      ticks: 10,
      pre: [
        [2, 0],
        [6, 1],
      ],
      post: [
        [4, 0],
        [9, 1],
        [9, 0],
      ],
    };
    const whole = denseView('float', 2, 2, [0.1, 0.2, 0.3, 0.4], learning);
    runSchedule(createPlasticityRule(whole, createStream(1, 'learning')), whole, schedule);

    const first = denseView('float', 2, 2, [0.1, 0.2, 0.3, 0.4], learning);
    const firstRule = createPlasticityRule(first, createStream(1, 'learning'));
    runSchedule(firstRule, first, { ...schedule, ticks: 5 });
    const second = denseView('float', 2, 2, Array.from(first.weights), learning);
    const secondRule = createPlasticityRule(second, createStream(1, 'learning'));
    secondRule.setState(firstRule.getState());
    runSchedule(secondRule, second, { ...schedule, ticks: 5 }, 6);

    expect(Array.from(second.weights)).toEqual(Array.from(whole.weights));
  });

  it('rejects an out-of-range pre event', () => {
    const view = denseView('float', 2, 1, [0, 0], stdpSpec());
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    expect(() => rule.onTick(1, Int32Array.from([2]), 1, new Uint8Array(1))).toThrow(
      /preEvents\[0\].*0\.\.1, got 2/,
    );
  });

  it('rejects wMin above wMax', () => {
    const view = denseView('float', 1, 1, [0], stdpSpec({ wMin: 2, wMax: 1 }));
    expect(() => createPlasticityRule(view, createStream(1, 'learning'))).toThrow(
      /learning\.wMin: 2 is above wMax/,
    );
  });

  it('rejects an e-prop projection', () => {
    const view = denseView('float', 1, 1, [0], stdpSpec());
    const eprop = { ...view, learning: { ...view.learning, rule: 'eprop' } } as unknown as typeof view;
    expect(() => createPlasticityRule(eprop, createStream(1, 'learning'))).toThrow(
      /EpropLearner|createEpropLearner/,
    );
  });
});
