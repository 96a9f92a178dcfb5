import { describe, expect, it } from 'vitest';
import type { FloatNeuronParams } from '../program';
import { decayFactorFromTau } from '../fixed/arith';
import { createFloatNeuronState, stepFloatLif } from './lif';
import type { FloatNeuronState, SpikingModel } from './lif';

function params(overrides: Partial<FloatNeuronParams>): FloatNeuronParams {
  return {
    currentDecay: 0,
    voltageDecay: 1,
    thresholdDecay: 1,
    threshold: 1,
    bias: 0,
    adaptInc: 0,
    refractory: 0,
    reset: 'zero',
    ...overrides,
  };
}

function step(state: FloatNeuronState, p: FloatNeuronParams, model: SpikingModel = 'lif', aIn = 0): number {
  const spiked = new Uint8Array(1);
  stepFloatLif(state, p, model, Float64Array.of(aIn), spiked);
  return spiked[0]!;
}

function spikeTicks(p: FloatNeuronParams, model: SpikingModel, ticks: number): number[] {
  const state = createFloatNeuronState(1);
  const found: number[] = [];
  for (let tick = 1; tick <= ticks; tick++) {
    if (step(state, p, model) === 1) found.push(tick);
  }
  return found;
}

describe('F04 float LIF exact decay', () => {
  it('holds exp(-10/20) after 10 ticks', () => {
    // tau 20 ms at 1 ms ticks: exp(-0.5) = 0.606531; forward Euler (0.95^10) would give 0.598737.
    const p = params({ voltageDecay: decayFactorFromTau(20, 1), threshold: 10 });
    const state = createFloatNeuronState(1);
    state.v[0] = 1;
    for (let tick = 0; tick < 10; tick++) step(state, p);
    expect(state.v[0]).toBeCloseTo(0.606531, 6);
  });

  it('decays the current and scales input by 64', () => {
    // u = 0.5 * 10 + 2 * 64 = 133.
    const state = createFloatNeuronState(1);
    state.u[0] = 10;
    step(state, params({ currentDecay: 0.5, threshold: 1000 }), 'lif', 2);
    expect(state.u[0]).toBe(133);
  });
});

describe('F05 float LIF reset modes', () => {
  // v[t] = 0.8 v[t-1] + 0.5 with the current held at 0 and the drive as bias.
  const recurrence = { voltageDecay: 0.8, bias: 0.5, threshold: 1 } as const;

  it('reset to zero fires at 3 and 6', () => {
    expect(spikeTicks(params({ ...recurrence, reset: 'zero' }), 'lif', 8)).toEqual([3, 6]);
  });

  it('subtractive reset fires at 3, 5 and 8', () => {
    expect(spikeTicks(params({ ...recurrence, reset: 'subtract' }), 'lif', 8)).toEqual([3, 5, 8]);
  });

  it('subtracts the threshold once', () => {
    // Tick 3: 0.8 * 0.9 + 0.5 = 1.22 fires and leaves 0.22.
    const state = createFloatNeuronState(1);
    const p = params({ ...recurrence, reset: 'subtract' });
    for (let tick = 0; tick < 3; tick++) step(state, p);
    expect(state.v[0]).toBeCloseTo(0.22, 12);
  });

  it('does not fire at equality', () => {
    const state = createFloatNeuronState(1);
    expect(step(state, params({ bias: 1 }))).toBe(0);
  });
});

describe('F12 float ALIF adaptive threshold', () => {
  it('fires at 2, 5, 8 and 12', () => {
    // v grows 0.6 a tick, the offset decays by 0.9 before the test and grows 0.5 per spike.
    const p = params({ bias: 0.6, thresholdDecay: 0.9, adaptInc: 0.5 });
    expect(spikeTicks(p, 'alif', 12)).toEqual([2, 5, 8, 12]);
  });

  it('holds the decayed offset plus adaptInc', () => {
    // Spike at tick 2 leaves 0.5; ticks 3 and 4 decay it to 0.405.
    const p = params({ bias: 0.6, thresholdDecay: 0.9, adaptInc: 0.5 });
    const state = createFloatNeuronState(1);
    for (let tick = 0; tick < 4; tick++) step(state, p, 'alif');
    expect(state.thresholdOffset[0]).toBeCloseTo(0.405, 12);
  });

  it('subtracts the tested threshold', () => {
    // Offset 1 decays to 0.5; v = 2 > 1.5 fires, leaving 2 - 1.5 = 0.5 (not 2 - 1.5 - adaptInc).
    const state = createFloatNeuronState(1);
    state.thresholdOffset[0] = 1;
    const p = params({ bias: 2, thresholdDecay: 0.5, adaptInc: 0.25, reset: 'subtract' });
    expect(step(state, p, 'alif')).toBe(1);
    expect(state.v[0]).toBe(0.5);
    expect(state.thresholdOffset[0]).toBe(0.75);
  });

  it('is ignored by the LIF model', () => {
    const state = createFloatNeuronState(1);
    state.thresholdOffset[0] = 5;
    expect(step(state, params({ bias: 2, thresholdDecay: 0.5 }), 'lif')).toBe(1);
    expect(state.thresholdOffset[0]).toBe(5);
  });
});

describe('float LIF refractory period', () => {
  it('fires every third tick with refractory 2', () => {
    expect(spikeTicks(params({ threshold: 0, bias: 1, refractory: 2 }), 'lif', 12)).toEqual([1, 4, 7, 10]);
  });

  it('holds the subtracted membrane', () => {
    // 1.5 - 1 leaves 0.5, which stays for the two refractory ticks although the bias is 1.5.
    const state = createFloatNeuronState(1);
    const p = params({ bias: 1.5, refractory: 2, reset: 'subtract' });
    step(state, p);
    step(state, p);
    step(state, p);
    expect(state.v[0]).toBe(0.5);
  });

  it('keeps integrating the current', () => {
    const state = createFloatNeuronState(1);
    const p = params({ currentDecay: 0.5, threshold: 0, refractory: 3 });
    step(state, p, 'lif', 1);
    step(state, p, 'lif', 1);
    // u: 64, then 0.5 * 64 + 64 = 96 while refractory.
    expect(state.u[0]).toBe(96);
    expect(state.v[0]).toBe(0);
  });
});

describe('float LIF membrane before reset', () => {
  it('reports v before the reset', () => {
    const state = createFloatNeuronState(2);
    const before = new Float64Array(2);
    const spiked = new Uint8Array(2);
    stepFloatLif(state, params({ bias: 0.5 }), 'lif', Float64Array.of(0.01, 0), spiked, before);
    // Neuron 0: 0.64 + 0.5 = 1.14 fires; neuron 1 stays at 0.5.
    expect(before[0]).toBeCloseTo(1.14, 12);
    expect(state.v[0]).toBe(0);
    expect(before[1]).toBe(0.5);
  });

  it('rejects a short output array', () => {
    const state = createFloatNeuronState(2);
    expect(() =>
      stepFloatLif(state, params({}), 'lif', new Float64Array(2), new Uint8Array(2), new Float64Array(1)),
    ).toThrow(/membraneBeforeReset: length 1 differs from the population size 2/);
  });
});
