import { describe, expect, it } from 'vitest';
import type { NeuronRegisters } from '../program';
import { createFixedNeuronState, stepFixedLif } from './lif';
import type { FixedNeuronState } from './state';

function registers(overrides: Partial<NeuronRegisters>): NeuronRegisters {
  return {
    du: 4095,
    dv: 0,
    vth: 2 ** 17 - 1,
    biasMant: 0,
    biasExp: 0,
    refractory: 0,
    dThreshold: 0,
    adaptInc: 0,
    ...overrides,
  };
}

function stateWith(values: Partial<Record<'u' | 'v' | 'thresholdOffset', number[]>>, size: number) {
  const state = createFixedNeuronState(size);
  state.u.set(values.u ?? []);
  state.v.set(values.v ?? []);
  state.thresholdOffset.set(values.thresholdOffset ?? []);
  return state;
}

function step(state: FixedNeuronState, regs: NeuronRegisters, aIn: number[] = []): Uint8Array {
  const input = new Int32Array(state.u.length);
  input.set(aIn);
  const spiked = new Uint8Array(state.u.length);
  stepFixedLif(state, regs, 'lif', input, spiked);
  return spiked;
}

/** Ticks (counted from 1) at which a single neuron spikes with no input. */
function spikeTicks(regs: NeuronRegisters, ticks: number): number[] {
  const state = createFixedNeuronState(1);
  const found: number[] = [];
  for (let tick = 1; tick <= ticks; tick++) {
    if (step(state, regs)[0] === 1) {
      found.push(tick);
    }
  }
  return found;
}

describe('F01 fixed LIF current decay', () => {
  // du = 2047 keeps 2048/4096 of the current.
  const halving = registers({ du: 2047 });

  it('rounds -2.5 toward zero', () => {
    const state = stateWith({ u: [-5] }, 1);
    step(state, halving);
    expect(state.u[0]).toBe(-2);
  });

  it('rounds 2.5 down', () => {
    const state = stateWith({ u: [5] }, 1);
    step(state, halving);
    expect(state.u[0]).toBe(2);
  });

  it('takes 7 to 3 then 1', () => {
    const state = stateWith({ u: [7] }, 1);
    step(state, halving);
    expect(state.u[0]).toBe(3);
    step(state, halving);
    expect(state.u[0]).toBe(1);
  });

  it('always decays by du + 1', () => {
    // du = 0 still keeps only 4095/4096: 4096 * 4095 / 4096 = 4095.
    const state = stateWith({ u: [4096] }, 1);
    step(state, registers({ du: 0 }));
    expect(state.u[0]).toBe(4095);
  });

  it('adds the input shifted by 6', () => {
    const state = createFixedNeuronState(1);
    step(state, registers({}), [-3]);
    expect(state.u[0]).toBe(-192);
  });
});

describe('F01 fixed LIF current wrap', () => {
  it('wraps past the top', () => {
    // 8388607 * 4095 / 4096 = 8386559.0002; + 100 * 64 = 8392959; minus 2^24.
    const state = stateWith({ u: [8388607] }, 1);
    step(state, registers({ du: 0 }), [100]);
    expect(state.u[0]).toBe(-8384257);
  });

  it('wraps past the bottom', () => {
    const state = stateWith({ u: [-8388607] }, 1);
    step(state, registers({ du: 0 }), [-100]);
    expect(state.u[0]).toBe(8384257);
  });

  it('keeps -2^23 as the lowest current', () => {
    const state = createFixedNeuronState(1);
    step(state, registers({}), [-(2 ** 17)]);
    expect(state.u[0]).toBe(-8388608);
  });

  it('maps +2^23 to -2^23', () => {
    const state = createFixedNeuronState(1);
    step(state, registers({}), [2 ** 17]);
    expect(state.u[0]).toBe(-8388608);
  });
});

describe('F01 fixed LIF membrane', () => {
  it('decays toward zero on both signs', () => {
    // dv = 1024 keeps 3072/4096: 1000 -> 750, -1001 -> -750.75 -> -750.
    const state = stateWith({ v: [1000, -1001] }, 2);
    step(state, registers({ dv: 1024 }));
    expect(state.v[0]).toBe(750);
    expect(state.v[1]).toBe(-750);
  });

  it('adds the bias mantissa times 2^exp', () => {
    const state = createFixedNeuronState(1);
    step(state, registers({ biasMant: -3, biasExp: 7 }));
    expect(state.v[0]).toBe(-384);
  });

  it('saturates at the bottom, never wraps', () => {
    const state = stateWith({ v: [-8388600] }, 1);
    step(state, registers({}), [-100]);
    expect(state.v[0]).toBe(-8388607);
  });

  it('saturates at the top, never wraps', () => {
    // An ALIF offset of 1000 puts the threshold out of reach, so the clipped value stays visible.
    const state = stateWith({ v: [8388600], thresholdOffset: [1000] }, 1);
    const spiked = new Uint8Array(1);
    stepFixedLif(state, registers({}), 'alif', Int32Array.of(100), spiked);
    expect(state.v[0]).toBe(8388607);
    expect(spiked[0]).toBe(0);
  });

  it('spikes when saturated above threshold', () => {
    // 8388607 > (2^17 - 1) * 64 = 8388544, so the saturated membrane fires and resets.
    const state = stateWith({ v: [8388600] }, 1);
    const spiked = step(state, registers({}), [100]);
    expect(spiked[0]).toBe(1);
    expect(state.v[0]).toBe(0);
  });
});

describe('fixed LIF threshold', () => {
  it('does not spike at equality', () => {
    // vth 1 means 64 on the membrane scale; a bias of 64 reaches it without passing it.
    const state = createFixedNeuronState(1);
    const spiked = step(state, registers({ vth: 1, biasMant: 1, biasExp: 6 }));
    expect(spiked[0]).toBe(0);
    expect(state.v[0]).toBe(64);
  });

  it('spikes one above and resets', () => {
    const state = createFixedNeuronState(1);
    const spiked = step(state, registers({ vth: 1, biasMant: 65 }));
    expect(spiked[0]).toBe(1);
    expect(state.v[0]).toBe(0);
  });

  it('returns the spike count', () => {
    const state = createFixedNeuronState(4);
    const aIn = Int32Array.of(2, 1, 3, 0);
    const spiked = new Uint8Array(4);
    // vth 1 needs v > 64; inputs of 2 and 3 give 128 and 192, an input of 1 gives 64.
    const count = stepFixedLif(state, registers({ vth: 1 }), 'lif', aIn, spiked);
    expect(count).toBe(2);
    expect(Array.from(spiked)).toEqual([1, 0, 1, 0]);
  });

  it('counts active neurons', () => {
    const state = createFixedNeuronState(5);
    // Neuron 3 is refractory with u = 0 after the update (v held at 0): idle. Neuron 4 has no
    // input and no state: idle. Neurons 0 and 2 fire; neuron 1 keeps v = 64 and u = 64.
    state.refractoryLeft[3] = 2;
    const activity = { active: -1 };
    stepFixedLif(
      state,
      registers({ vth: 1 }),
      'lif',
      Int32Array.of(2, 1, 3, 0, 0),
      new Uint8Array(5),
      activity,
    );
    expect(activity.active).toBe(3);
  });

  it('counts a refractory neuron with current', () => {
    const state = createFixedNeuronState(1);
    state.refractoryLeft[0] = 1;
    const activity = { active: -1 };
    stepFixedLif(state, registers({}), 'lif', Int32Array.of(1), new Uint8Array(1), activity);
    expect(activity.active).toBe(1);
  });
});

describe('fixed LIF refractory period', () => {
  it('fires every third tick with refractory 2', () => {
    expect(spikeTicks(registers({ vth: 0, biasMant: 1, refractory: 2 }), 12)).toEqual([1, 4, 7, 10]);
  });

  it('fires every tick with refractory 0', () => {
    expect(spikeTicks(registers({ vth: 0, biasMant: 1 }), 4)).toEqual([1, 2, 3, 4]);
  });

  it('keeps integrating the current', () => {
    // du = 2047 halves u each tick; refractory 3 holds v at 0 for ticks 2..4.
    const regs = registers({ du: 2047, vth: 0, refractory: 3 });
    const state = createFixedNeuronState(1);
    expect(step(state, regs, [1])[0]).toBe(1);

    const currents: number[] = [];
    const voltages: number[] = [];
    for (const input of [10, 0, 0]) {
      expect(step(state, regs, [input])[0]).toBe(0);
      currents.push(state.u[0]!);
      voltages.push(state.v[0]!);
    }
    // 64 / 2 + 640 = 672, then 336, then 168.
    expect(currents).toEqual([672, 336, 168]);
    expect(voltages).toEqual([0, 0, 0]);
    expect(state.refractoryLeft[0]).toBe(0);
  });

  it('integrates again after the period', () => {
    const regs = registers({ du: 2047, vth: 0, refractory: 1 });
    const state = createFixedNeuronState(1);
    step(state, regs, [1]);
    step(state, regs);
    // u: 64, 32, 16; v was held at tick 2 and takes u = 16 at tick 3, above 0, so it fires.
    expect(step(state, regs)[0]).toBe(1);
    expect(state.u[0]).toBe(16);
  });
});

describe('fixed LIF input checks', () => {
  it('rejects a short input array', () => {
    const state = createFixedNeuronState(3);
    expect(() => stepFixedLif(state, registers({}), 'lif', new Int32Array(2), new Uint8Array(3))).toThrow(
      /aIn: length 2 differs from the population size 3/,
    );
  });

  it('rejects a negative size', () => {
    expect(() => createFixedNeuronState(-1)).toThrow(/size: .*got -1/);
  });
});
