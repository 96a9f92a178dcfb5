import { describe, expect, it } from 'vitest';
import type { FloatNeuronParams, NeuronRegisters } from '../program';
import { createFixedNeuronState, createFloatNeuronState, stepFixedLif, stepFloatLif } from './lif';
import type { SpikingModel } from './lif';

// One contract, two models: where every decay factor is 0, 1/2 or 1 and every value stays a
// multiple of the divisions applied to it, fixed-point rounding never acts, so both models must
// emit the same spikes and hold the same u, v and offset on every tick.

function floatParams(r: NeuronRegisters): FloatNeuronParams {
  return {
    currentDecay: (4096 - (r.du + 1)) / 4096,
    voltageDecay: (4096 - r.dv) / 4096,
    thresholdDecay: (4096 - r.dThreshold) / 4096,
    threshold: r.vth * 64,
    bias: r.biasMant * 2 ** r.biasExp,
    adaptInc: r.adaptInc * 64,
    refractory: r.refractory,
    reset: 'zero',
  };
}

interface ContractCase {
  name: string;
  model: SpikingModel;
  registers: NeuronRegisters;
  /** Input (summed weight) per tick; missing ticks get none. */
  inputs: number[];
  ticks: number;
  expectedSpikes: number[];
}

const base: NeuronRegisters = {
  du: 4095,
  dv: 0,
  vth: 0,
  biasMant: 0,
  biasExp: 0,
  refractory: 0,
  dThreshold: 0,
  adaptInc: 0,
};

const cases: ContractCase[] = [
  {
    name: 'bias drive with refractory 2',
    model: 'lif',
    registers: { ...base, biasMant: 1, refractory: 2 },
    inputs: [],
    ticks: 12,
    expectedSpikes: [1, 4, 7, 10],
  },
  {
    name: 'ALIF without offset decay',
    model: 'alif',
    registers: { ...base, vth: 1, biasMant: 1, biasExp: 6, adaptInc: 1 },
    inputs: [],
    ticks: 14,
    // The n-th spike needs v > 64 n, which takes n + 1 ticks of 64 after a reset.
    expectedSpikes: [2, 5, 9, 14],
  },
  {
    name: 'halving current, leaky membrane',
    model: 'lif',
    // u halves each tick (du = 2047) and v halves (dv = 2048); vth 3 means v > 192.
    registers: { ...base, du: 2047, dv: 2048, vth: 3 },
    inputs: [4, 0, 0, 2],
    ticks: 6,
    // u: 256, 128, 64, 160, 80, 40; v: 256 (fires), 128, 128, 224 (fires), 80, 80.
    expectedSpikes: [1, 4],
  },
  {
    name: 'ALIF halving offset',
    model: 'alif',
    // vth 0, offset +128 per spike, halved each tick before the test; bias 100 a tick.
    registers: { ...base, biasMant: 100, dThreshold: 2048, adaptInc: 2 },
    inputs: [],
    ticks: 6,
    // Decayed offset and v per tick: 0 < 100 fires (a = 128); 64 < 100 fires (a = 192);
    // 96 < 100 fires (a = 224); 112 > 100 holds; 56 < 200 fires (a = 184); 92 < 100 fires.
    expectedSpikes: [1, 2, 3, 5, 6],
  },
];

describe('fixed and float models agree', () => {
  for (const c of cases) {
    it(c.name, () => {
      const fixed = createFixedNeuronState(1);
      const float = createFloatNeuronState(1);
      const params = floatParams(c.registers);
      const fixedSpiked = new Uint8Array(1);
      const floatSpiked = new Uint8Array(1);
      const fixedSpikes: number[] = [];
      const floatSpikes: number[] = [];

      for (let tick = 1; tick <= c.ticks; tick++) {
        const input = c.inputs[tick - 1] ?? 0;
        stepFixedLif(fixed, c.registers, c.model, Int32Array.of(input), fixedSpiked);
        stepFloatLif(float, params, c.model, Float64Array.of(input), floatSpiked);
        if (fixedSpiked[0] === 1) fixedSpikes.push(tick);
        if (floatSpiked[0] === 1) floatSpikes.push(tick);

        expect(float.u[0]).toBe(fixed.u[0]);
        expect(float.v[0]).toBe(fixed.v[0]);
        expect(float.thresholdOffset[0]).toBe(fixed.thresholdOffset[0]);
      }
      expect(fixedSpikes).toEqual(c.expectedSpikes);
      expect(floatSpikes).toEqual(c.expectedSpikes);
    });
  }
});
