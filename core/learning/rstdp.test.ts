import { describe, expect, it } from 'vitest';
import { createStream } from '../random';
import { createPlasticityRule } from './rules';
import { denseView, rstdpSpec, runSchedule } from './test-support';
import type { Schedule } from './test-support';
import type { RstdpSpec } from '../spec/schema';

const f11 = rstdpSpec({
  aPlus: 0.01,
  aMinus: 0.01,
  tauPreMs: 20,
  tauEligibilityMs: 1000,
  eta: 1,
  wMin: -1,
  wMax: 1,
});

function runFloat(learning: RstdpSpec, schedule: Schedule, w0 = 0.5) {
  const view = denseView('float', 1, 1, [w0], learning);
  const rule = createPlasticityRule(view, createStream(1, 'learning'));
  const updates = runSchedule(rule, view, schedule);
  return { weight: view.weights[0]!, eligibility: rule.getState()['eligibility']![0]!, updates };
}

describe('float reward-modulated STDP', () => {
  it('F11 pairing leaves eligibility 0.0077880', () => {
    const { eligibility, weight } = runFloat(f11, { ticks: 10, pre: [[5, 0]], post: [[10, 0]] });
    expect(eligibility).toBeCloseTo(0.01 * Math.exp(-5 / 20), 15);
    expect(eligibility).toBeCloseTo(0.007788, 7);
    expect(weight).toBe(0.5);
  });

  it('F11 reward at 510 adds 0.0047237', () => {
    const { weight } = runFloat(f11, { ticks: 510, pre: [[5, 0]], post: [[10, 0]], rewards: [[510, 1]] });
    expect(weight - 0.5).toBeCloseTo(0.01 * Math.exp(-5 / 20) * Math.exp(-500 / 1000), 14);
    expect(weight - 0.5).toBeCloseTo(0.0047237, 7);
  });

  it('F11 early reward changes nothing', () => {
    const { weight } = runFloat(f11, { ticks: 12, rewards: [[3, 1]], pre: [[5, 0]], post: [[10, 0]] });
    expect(weight).toBe(0.5);
  });

  it('reward scales with eta and r', () => {
    const learning = { ...f11, eta: 0.5 };
    const { weight } = runFloat(learning, { ticks: 20, pre: [[5, 0]], post: [[10, 0]], rewards: [[20, -2]] });
    expect(weight - 0.5).toBeCloseTo(0.5 * -2 * 0.01 * Math.exp(-5 / 20) * Math.exp(-10 / 1000), 14);
  });

  it('depression enters the eligibility', () => {
    const learning = { ...f11, aMinus: 0.02, tauPostMs: 10 };
    const { eligibility } = runFloat(learning, { ticks: 7, post: [[3, 0]], pre: [[7, 0]] });
    expect(eligibility).toBeCloseTo(-0.02 * Math.exp(-4 / 10), 15);
  });

  it('eligibility survives a reward', () => {
    // Rewards at 10 and 20 each use e at their tick, so the second uses e decayed by 10 more ticks.
    const { weight } = runFloat(f11, {
      ticks: 20,
      pre: [[5, 0]],
      post: [[10, 0]],
      rewards: [
        [10, 1],
        [20, 1],
      ],
    });
    const e10 = 0.01 * Math.exp(-5 / 20);
    expect(weight - 0.5).toBeCloseTo(e10 + e10 * Math.exp(-10 / 1000), 14);
  });

  it('soft bound scales the reward step', () => {
    const learning = { ...f11, wMin: 0, wMax: 1, bound: 'soft' as const, eta: 10 };
    const { weight } = runFloat(
      learning,
      { ticks: 10, pre: [[10, 0]], post: [[10, 0]], rewards: [[10, 1]] },
      0.9,
    );
    expect(weight).toBeCloseTo(0.9 + 10 * 0.01 * (1 - 0.9), 14);
  });

  it('hard bound clamps the reward step', () => {
    const learning = { ...f11, eta: 100 };
    const { weight } = runFloat(
      learning,
      { ticks: 10, pre: [[10, 0]], post: [[10, 0]], rewards: [[10, 1]] },
      0.9,
    );
    expect(weight).toBe(1);
  });

  it('counts pairings and rewarded synapses', () => {
    const { updates } = runFloat(f11, { ticks: 10, pre: [[5, 0]], post: [[10, 0]], rewards: [[10, 1]] });
    // One depression at the pre event, one potentiation at the post spike, one rewarded synapse.
    expect(updates).toBe(3);
  });
});

describe('fixed reward-modulated STDP', () => {
  // tau = dt / ln 2 makes the 12-bit register 2048, a factor of exactly 1/2.
  const halfLifeMs = 1 / Math.LN2;

  it('rewards an exact eligibility exactly', () => {
    // Same-tick pair: e = aPlus * 1.0 = 4 mantissas; two ticks later e = 1; reward 3 * eta 1 adds 3.
    const learning = rstdpSpec({
      aPlus: 4,
      aMinus: 0,
      tauPreMs: 20,
      tauEligibilityMs: halfLifeMs,
      wMin: -128,
      wMax: 127,
    });
    const view = denseView('fixed', 1, 1, [10], learning);
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    runSchedule(rule, view, { ticks: 7, pre: [[5, 0]], post: [[5, 0]], rewards: [[7, 3]] });
    expect(rule.getState()['eligibility']![0]).toBe(4096);
    expect(view.weights[0]).toBe(13);
  });

  it('mean reward step matches the float one', () => {
    // e = 0.3 mantissas on 2000 synapses; reward 1 adds 0.3 on average (a Bernoulli step each).
    const size = 2000;
    const learning = rstdpSpec({ aPlus: 0.3, aMinus: 0, tauEligibilityMs: 1e9, wMin: -128, wMax: 127 });
    const view = denseView('fixed', size, 1, new Array<number>(size).fill(0), learning);
    const rule = createPlasticityRule(view, createStream(7, 'learning'));
    const all: [number, number][] = Array.from({ length: size }, (_, i) => [1, i]);
    runSchedule(rule, view, { ticks: 1, pre: all, post: [[1, 0]], rewards: [[1, 1]] });

    const mean = Array.from(view.weights).reduce((sum, w) => sum + w, 0) / size;
    // Standard deviation of the mean: sqrt(0.3 * 0.7 / 2000) = 0.0102; allow 4 of them.
    expect(Math.abs(mean - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / size));
  });

  it('rejects a reward beyond the register', () => {
    const view = denseView('fixed', 1, 1, [0], rstdpSpec({ wMin: -128, wMax: 127 }));
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    expect(() => rule.applyReward!(1, 5000)).toThrow(/eta \* reward = 5000 is outside/);
  });
});

describe('reward baseline', () => {
  // Rewards 1, 1, -1 with tauRewards 2: b goes 0, 0.5, 0.75, -0.125, so they apply as
  // 1 - 0 = 1, 1 - 0.5 = 0.5 and -1 - 0.75 = -1.75.
  const rewards: [number, number][] = [
    [7, 1],
    [8, 1],
    [9, -1],
  ];

  it('float applies r minus the running mean', () => {
    const learning = rstdpSpec({ ...f11, tauEligibilityMs: 1e15, rewardBaseline: { tauRewards: 2 } });
    const view = denseView('float', 1, 1, [0.5], learning);
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    runSchedule(rule, view, { ticks: 9, pre: [[5, 0]], post: [[5, 0]], rewards });

    expect(view.weights[0]! - 0.5).toBeCloseTo(0.01 * (1 + 0.5 - 1.75), 12);
    expect(rule.getState()['rewardBaseline']![0]).toBeCloseTo(-0.125, 15);
  });

  it('fixed applies r minus the running mean exactly', () => {
    // Same-tick pair at 5 gives e = 64 mantissas, halved every tick: 16, 8 and 4 at ticks 7 to 9.
    // The weight moves by 16 * 1 + 8 * 0.5 - 4 * 1.75 = 13; b ends at -0.125 = -512 / 2^12.
    const learning = rstdpSpec({
      aPlus: 64,
      aMinus: 0,
      tauEligibilityMs: 1 / Math.LN2,
      wMin: -128,
      wMax: 127,
      rewardBaseline: { tauRewards: 2 },
    });
    const view = denseView('fixed', 1, 1, [10], learning);
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    runSchedule(rule, view, { ticks: 9, pre: [[5, 0]], post: [[5, 0]], rewards });

    expect(view.weights[0]).toBe(23);
    expect(Array.from(rule.getState()['rewardBaseline']!)).toEqual([-512]);
  });

  it('without a baseline rewards apply as given', () => {
    const view = denseView('float', 1, 1, [0.5], rstdpSpec({ ...f11, tauEligibilityMs: 1e15 }));
    const rule = createPlasticityRule(view, createStream(1, 'learning'));
    runSchedule(rule, view, { ticks: 9, pre: [[5, 0]], post: [[5, 0]], rewards });

    expect(view.weights[0]! - 0.5).toBeCloseTo(0.01 * (1 + 1 - 1), 12);
    expect(rule.getState()['rewardBaseline']).toBeUndefined();
  });

  it('restores the baseline with the state', () => {
    const learning = rstdpSpec({ ...f11, tauEligibilityMs: 1e15, rewardBaseline: { tauRewards: 2 } });
    const first = createPlasticityRule(
      denseView('float', 1, 1, [0.5], learning),
      createStream(1, 'learning'),
    );
    first.applyReward!(1, 1);
    const second = createPlasticityRule(
      denseView('float', 1, 1, [0.5], learning),
      createStream(1, 'learning'),
    );
    second.setState(first.getState());

    expect(second.getState()['rewardBaseline']![0]).toBe(0.5);
  });
});
