import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStream } from '../random';
import {
  amplitudeRegister,
  decayAllStochastic,
  decayStochastic,
  rewardRegister,
  stochasticRound,
  stochasticRoundSigned,
  TRACE_MAX,
  TRACE_ONE,
} from './fixed-point';
import { FixedTraceBank } from './traces';

/** Mean of `draws` stochastic roundings of `value / 2^bits`. */
function meanOfRoundings(value: number, bits: number, draws: number, seed: number): number {
  const random = createStream(seed, 'rounding');
  let sum = 0;
  for (let k = 0; k < draws; k++) sum += stochasticRoundSigned(value, bits, random);
  return sum / draws;
}

describe('stochastic rounding', () => {
  it('keeps exact values without a draw', () => {
    const random = createStream(5, 'rounding');
    const before = random.getState();
    expect(stochasticRound(7 * 2 ** 24, 24, random)).toBe(7);
    expect(random.getState()).toEqual(before);
  });

  it('returns floor or floor + 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 24 }), (value, bits) => {
        const rounded = stochasticRound(value, bits, createStream(value, 'rounding'));
        const floor = Math.floor(value / 2 ** bits);
        expect([floor, floor + 1]).toContain(rounded);
      }),
    );
  });

  it.each([
    [5.25, 24],
    [0.001, 24],
    [0.5, 12],
    [-3.75, 24],
    [-0.2, 12],
  ])('mean of %f at %i bits is unbiased', (real, bits) => {
    const draws = 40_000;
    const value = Math.round(real * 2 ** bits);
    const exact = value / 2 ** bits;
    const fraction = Math.abs(exact) - Math.floor(Math.abs(exact));
    // The rounding is a Bernoulli step: standard deviation of the mean sqrt(p (1 - p) / draws).
    const bound = 4 * Math.sqrt((fraction * (1 - fraction)) / draws) + 1e-12;
    expect(Math.abs(meanOfRoundings(value, bits, draws, 11) - exact)).toBeLessThan(bound);
  });

  it('rounds negative values symmetrically', () => {
    const value = -Math.round(0.3 * 2 ** 12);
    const random = createStream(2, 'rounding');
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) seen.add(stochasticRoundSigned(value, 12, random));
    expect([...seen].sort()).toEqual([-1, 0]);
  });
});

describe('stochastic decay', () => {
  it('halves exactly with register 2048', () => {
    const random = createStream(1, 'rounding');
    const before = random.getState();
    expect(decayStochastic(200, 2048, random)).toBe(100);
    expect(decayStochastic(-64, 2048, random)).toBe(-32);
    expect(random.getState()).toEqual(before);
  });

  it('mean decay of 7 by half is 3.5', () => {
    const random = createStream(3, 'rounding');
    const draws = 40_000;
    let sum = 0;
    for (let k = 0; k < draws; k++) sum += decayStochastic(7, 2048, random);
    expect(Math.abs(sum / draws - 3.5)).toBeLessThan(4 * Math.sqrt(0.25 / draws));
  });

  it('array decay halves exactly', () => {
    const random = createStream(6, 'rounding');
    const before = random.getState();
    const values = Int32Array.from([0, 8, -64, 200]);
    decayAllStochastic(values, 2048, random);
    expect(Array.from(values)).toEqual([0, 4, -32, 100]);
    expect(random.getState()).toEqual(before);
  });

  it('array decay mean is unbiased', () => {
    const size = 20_000;
    const values = new Int32Array(size).fill(-7);
    decayAllStochastic(values, 2048, createStream(6, 'rounding'));
    const mean = values.reduce((sum, value) => sum + value, 0) / size;
    expect(Math.abs(mean + 3.5)).toBeLessThan(4 * Math.sqrt(0.25 / size));
  });

  it('trace register of tau 20 is 200', () => {
    const bank = new FixedTraceBank(1, 20, 1, 'tauPreMs', createStream(1, 'learning'));
    expect(bank.decayRegister).toBe(200);
  });

  it('trace jump saturates at 16 bits', () => {
    const bank = new FixedTraceBank(1, 20, 1, 'tauPreMs', createStream(1, 'learning'));
    for (let k = 0; k < 300; k++) bank.jump(0);
    expect(bank.values[0]).toBe(TRACE_MAX);
    expect(TRACE_ONE).toBe(256);
  });
});

describe('fixed-mode registers', () => {
  it('amplitude 0.01 is register 655', () => {
    expect(amplitudeRegister(0.01, 'learning.aPlus')).toBe(655);
  });

  it('rejects an amplitude of 128', () => {
    expect(() => amplitudeRegister(128, 'learning.aPlus')).toThrow(/learning\.aPlus: amplitude 128 is above/);
  });

  it('rejects an amplitude rounding to zero', () => {
    expect(() => amplitudeRegister(1e-7, 'learning.aMinus')).toThrow(
      /learning\.aMinus: amplitude 1e-7 rounds to 0/,
    );
  });

  it('reward 0.5 is register 2048', () => {
    expect(rewardRegister(0.5)).toBe(2048);
  });

  it('rejects a reward of 1024', () => {
    expect(() => rewardRegister(1024)).toThrow(/outside the fixed-mode range \(-1024, 1024\)/);
  });
});
