/**
 * Small builders shared by the learning tests: specs with defaults, dense projection views, and a
 * driver that feeds a rule a schedule of pre events, post spikes and rewards.
 */
import type { NumericMode } from '../program';
import type { RstdpSpec, StdpSpec } from '../spec/schema';
import type { PlasticityRule, PlasticProjectionView } from './types';

export function stdpSpec(overrides: Partial<StdpSpec> = {}): StdpSpec {
  return {
    rule: 'stdp',
    aPlus: 0.01,
    aMinus: 0.012,
    tauPreMs: 20,
    tauPostMs: 20,
    wMin: 0,
    wMax: 1,
    bound: 'hard',
    ...overrides,
  };
}

export function rstdpSpec(overrides: Partial<RstdpSpec> = {}): RstdpSpec {
  return {
    rule: 'rstdp',
    aPlus: 0.01,
    aMinus: 0.012,
    tauPreMs: 20,
    tauPostMs: 20,
    wMin: 0,
    wMax: 1,
    bound: 'hard',
    tauEligibilityMs: 1000,
    eta: 1,
    rewardSource: 'api',
    ...overrides,
  };
}

/** Builds an all-to-all view with weights `[pre * postSize + post]`. */
export function denseView(
  mode: NumericMode,
  preSize: number,
  postSize: number,
  initialWeights: number[],
  learning: StdpSpec | RstdpSpec,
  dtMs = 1,
): PlasticProjectionView {
  const rowPtr = new Int32Array(preSize + 1);
  const post = new Int32Array(preSize * postSize);
  for (let i = 0; i < preSize; i++) {
    rowPtr[i + 1] = (i + 1) * postSize;
    for (let j = 0; j < postSize; j++) post[i * postSize + j] = j;
  }
  const weights = mode === 'fixed' ? Int8Array.from(initialWeights) : Float64Array.from(initialWeights);
  return { mode, dtMs, preSize, postSize, rowPtr, post, weights, learning };
}

export interface Schedule {
  ticks: number;
  /** [tick, pre index] pairs: spikes arriving at that tick. */
  pre?: [number, number][];
  /** [tick, post index] pairs: post spikes at that tick. */
  post?: [number, number][];
  /** [tick, reward] pairs applied at the end of that tick. */
  rewards?: [number, number][];
}

/** Runs ticks 1..schedule.ticks through the rule and returns the summed update counts. */
export function runSchedule(
  rule: PlasticityRule,
  view: PlasticProjectionView,
  schedule: Schedule,
  firstTick = 1,
): number {
  const preEvents = new Int32Array(view.preSize);
  const postSpiked = new Uint8Array(view.postSize);
  let updates = 0;

  for (let t = firstTick; t < firstTick + schedule.ticks; t++) {
    let count = 0;
    for (const [tick, i] of schedule.pre ?? []) if (tick === t) preEvents[count++] = i;
    postSpiked.fill(0);
    for (const [tick, j] of schedule.post ?? []) if (tick === t) postSpiked[j] = 1;

    updates += rule.onTick(t, preEvents, count, postSpiked);
    for (const [tick, reward] of schedule.rewards ?? []) {
      if (tick === t && rule.applyReward) updates += rule.applyReward(t, reward);
    }
  }
  return updates;
}
