import { describe, expect, it } from 'vitest';

import { decayRegister, neuronConstants, refractoryTicks } from './registers';

describe('F04 decayRegister', () => {
  it.each([
    // round(4096 * (1 - exp(-1/20))) = round(199.76) = 200; forward Euler would give 205.
    [1, 20, 200],
    // round(4096 * (1 - exp(-1/5))) = round(742.48) = 742.
    [1, 5, 742],
    // round(4096 * (1 - exp(-0.1/20))) = round(20.43) = 20.
    [0.1, 20, 20],
    // A very long time constant rounds to 0: no decay on the voltage register.
    [1, 1e9, 0],
    // round(4096 * (1 - exp(-1/0.1))) = round(4095.81) = 4096, out of the 12-bit range.
    [1, 0.1, 4096],
  ])('dt %d tau %d gives %d', (dtMs, tauMs, register) => {
    expect(decayRegister(dtMs, tauMs)).toBe(register);
  });
});

describe('refractoryTicks', () => {
  it.each([
    [0.5, 2, 4],
    [1, 2, 2],
    [0.1, 1, 10],
    [1, 0, 0],
    // 2.5 ticks round half up to 3.
    [1, 2.5, 3],
  ])('dt %d refractory %d ms gives %d', (dtMs, refractoryMs, ticks) => {
    expect(refractoryTicks(dtMs, refractoryMs)).toBe(ticks);
  });
});

describe('neuronConstants from registers', () => {
  const { registers, float } = neuronConstants(
    {
      model: 'alif',
      registers: {
        du: 2047,
        dv: 100,
        vth: 10,
        biasMant: 3,
        biasExp: 2,
        refractory: 4,
        dThreshold: 96,
        adaptInc: 5,
      },
    },
    1,
  );

  it('keeps the registers', () => {
    expect(registers).toEqual({
      du: 2047,
      dv: 100,
      vth: 10,
      biasMant: 3,
      biasExp: 2,
      refractory: 4,
      dThreshold: 96,
      adaptInc: 5,
    });
  });

  it('derives the chip factors', () => {
    // (4096 - (2047 + 1)) / 4096 = 0.5; (4096 - 100) / 4096; (4096 - 96) / 4096.
    expect(float.currentDecay).toBe(0.5);
    expect(float.voltageDecay).toBe(3996 / 4096);
    expect(float.thresholdDecay).toBe(4000 / 4096);
  });

  it('scales threshold bias and increment', () => {
    expect(float.threshold).toBe(640);
    expect(float.bias).toBe(12);
    expect(float.adaptInc).toBe(320);
    expect(float.refractory).toBe(4);
    expect(float.reset).toBe('zero');
  });
});

describe('neuronConstants from physical', () => {
  const { registers, float } = neuronConstants(
    {
      model: 'lif',
      physical: { tauSynMs: 5, tauMemMs: 20, vth: 10.4, refractoryMs: 2, biasMant: 0, biasExp: 0 },
      reset: 'subtract',
    },
    0.5,
  );

  it('rounds to registers', () => {
    // round(4096 * (1 - exp(-0.1))) = round(389.79) = 390; round(4096 * (1 - exp(-0.025))) = round(101.13) = 101.
    expect(registers.du).toBe(390);
    expect(registers.dv).toBe(101);
    expect(registers.vth).toBe(10);
    expect(registers.refractory).toBe(4);
  });

  it('keeps exact float factors', () => {
    expect(float.currentDecay).toBe(Math.exp(-0.1));
    expect(float.voltageDecay).toBe(Math.exp(-0.025));
    expect(float.threshold).toBeCloseTo(665.6, 12);
    expect(float.reset).toBe('subtract');
  });

  it('decays to 0.606531 after 10 ticks', () => {
    // tau 20 ms at dt 1 ms: exp(-0.05)^10 = exp(-0.5) = 0.6065307.
    const { float: lif } = neuronConstants(
      {
        model: 'lif',
        physical: { tauSynMs: 20, tauMemMs: 20, vth: 1, refractoryMs: 0, biasMant: 0, biasExp: 0 },
      },
      1,
    );
    expect(lif.voltageDecay ** 10).toBeCloseTo(0.606531, 6);
  });

  it('leaves LIF without adaptation', () => {
    expect(registers.dThreshold).toBe(0);
    expect(registers.adaptInc).toBe(0);
    expect(float.thresholdDecay).toBe(1);
  });
});
