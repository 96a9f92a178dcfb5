import { describe, expect, it } from 'vitest';
import type { NeuronRegisters } from '../program';
import { createFixedNeuronState, stepFixedLif } from './lif';
import type { FixedNeuronState, SpikingModel } from './lif';

function registers(overrides: Partial<NeuronRegisters>): NeuronRegisters {
  return {
    du: 4095,
    dv: 0,
    vth: 0,
    biasMant: 0,
    biasExp: 0,
    refractory: 0,
    dThreshold: 0,
    adaptInc: 0,
    ...overrides,
  };
}

function singleNeuron(v: number, thresholdOffset: number): FixedNeuronState {
  const state = createFixedNeuronState(1);
  state.v[0] = v;
  state.thresholdOffset[0] = thresholdOffset;
  return state;
}

function step(state: FixedNeuronState, regs: NeuronRegisters, aIn = 0, model: SpikingModel = 'alif'): number {
  const spiked = new Uint8Array(1);
  stepFixedLif(state, regs, model, Int32Array.of(aIn), spiked);
  return spiked[0]!;
}

describe('fixed ALIF threshold offset', () => {
  it('decays before the threshold test', () => {
    // The offset halves from 100 to 50 first, so v = 60 passes; the undecayed 100 would block it.
    const state = singleNeuron(0, 100);
    expect(step(state, registers({ dThreshold: 2048, biasMant: 60 }))).toBe(1);
  });

  it('blocks a spike below vth * 64 + offset', () => {
    // vth 1 and offset 10 need v > 74; v = 74 does not pass.
    const state = singleNeuron(0, 10);
    expect(step(state, registers({ vth: 1, biasMant: 74 }))).toBe(0);
    expect(state.v[0]).toBe(74);
  });

  it('grows by adaptInc * 64 per spike', () => {
    // Decayed 100 -> 50, then + 3 * 64.
    const state = singleNeuron(0, 100);
    step(state, registers({ dThreshold: 2048, biasMant: 60, adaptInc: 3 }));
    expect(state.thresholdOffset[0]).toBe(242);
  });

  it('rounds its decay toward zero', () => {
    // 75 * 2048 / 4096 = 37.5 -> 37; no spike since v stays 0 and the threshold is positive.
    const state = singleNeuron(0, 75);
    step(state, registers({ dThreshold: 2048 }));
    expect(state.thresholdOffset[0]).toBe(37);
  });

  it('saturates at 2^23 - 1', () => {
    // v clips to 8388607 > 8388000, then 8388000 + (2^17 - 1) * 64 clips instead of wrapping.
    const state = singleNeuron(8388600, 8388000);
    expect(step(state, registers({ adaptInc: 2 ** 17 - 1 }), 100)).toBe(1);
    expect(state.thresholdOffset[0]).toBe(8388607);
  });

  it('silences the neuron when saturated', () => {
    const state = singleNeuron(8388600, 8388607);
    expect(step(state, registers({}), 100)).toBe(0);
    expect(state.v[0]).toBe(8388607);
  });

  it('decays during refractory ticks', () => {
    // Spike at tick 1 leaves 0 + 4 * 64 = 256; ticks 2 and 3 are refractory and halve it twice.
    const regs = registers({ dThreshold: 2048, biasMant: 1, adaptInc: 4, refractory: 2 });
    const state = singleNeuron(0, 0);
    expect(step(state, regs)).toBe(1);
    expect(state.thresholdOffset[0]).toBe(256);
    expect(step(state, regs)).toBe(0);
    expect(state.thresholdOffset[0]).toBe(128);
    expect(step(state, regs)).toBe(0);
    expect(state.thresholdOffset[0]).toBe(64);
  });

  it('is ignored by the LIF model', () => {
    const state = singleNeuron(0, 1000);
    expect(step(state, registers({ dThreshold: 2048, biasMant: 60 }), 0, 'lif')).toBe(1);
    expect(state.thresholdOffset[0]).toBe(1000);
  });
});

describe('fixed ALIF spike train', () => {
  it('stretches intervals as the offset builds', () => {
    // No leak, bias 64 per tick, vth 1 (64), no offset decay, adaptInc 1 (64 per spike):
    // the n-th spike needs v > 64 * n, which takes n + 1 ticks after a reset.
    const regs = registers({ vth: 1, biasMant: 1, biasExp: 6, adaptInc: 1 });
    const state = singleNeuron(0, 0);
    const ticks: number[] = [];
    for (let tick = 1; tick <= 14; tick++) {
      if (step(state, regs) === 1) ticks.push(tick);
    }
    expect(ticks).toEqual([2, 5, 9, 14]);
  });
});
