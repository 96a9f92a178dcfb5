import { describe, expect, it } from 'vitest';
import type { FloatNeuronParams, NeuronRegisters } from '../program';
import { assertFloatNeuronParams, assertNeuronRegisters } from './registers';

const validRegisters: NeuronRegisters = {
  du: 4095,
  dv: 0,
  vth: 2 ** 17 - 1,
  biasMant: -4096,
  biasExp: 7,
  refractory: 255,
  dThreshold: 0,
  adaptInc: 2 ** 17 - 1,
};

const validParams: FloatNeuronParams = {
  currentDecay: 0,
  voltageDecay: 1,
  thresholdDecay: 0.9,
  threshold: 64,
  bias: -3,
  adaptInc: 32,
  refractory: 0,
  reset: 'subtract',
};

describe('assertNeuronRegisters', () => {
  it('accepts the range limits', () => {
    expect(() => assertNeuronRegisters(validRegisters, 'populations.hidden')).not.toThrow();
  });

  it('names the field, value and range', () => {
    expect(() => assertNeuronRegisters({ ...validRegisters, du: 4096 }, 'populations.hidden')).toThrow(
      'populations.hidden.du: must be an integer in 0..4095, got 4096',
    );
  });

  it('rejects a threshold above 2^17 - 1', () => {
    expect(() => assertNeuronRegisters({ ...validRegisters, vth: 2 ** 17 }, 'p')).toThrow(
      /p\.vth: .*0\.\.131071/,
    );
  });

  it('rejects a fractional bias exponent', () => {
    expect(() => assertNeuronRegisters({ ...validRegisters, biasExp: 1.5 }, 'p')).toThrow(
      /p\.biasExp: .*got 1\.5/,
    );
  });

  it('rejects a negative adaptation step', () => {
    expect(() => assertNeuronRegisters({ ...validRegisters, adaptInc: -1 }, 'p')).toThrow(
      /p\.adaptInc: .*got -1/,
    );
  });
});

describe('assertFloatNeuronParams', () => {
  it('accepts valid constants', () => {
    expect(() => assertFloatNeuronParams(validParams, 'p')).not.toThrow();
  });

  it('rejects a decay above 1', () => {
    expect(() => assertFloatNeuronParams({ ...validParams, voltageDecay: 1.01 }, 'p')).toThrow(
      /p\.voltageDecay: .*\[0, 1\], got 1\.01/,
    );
  });

  it('rejects a NaN threshold', () => {
    expect(() => assertFloatNeuronParams({ ...validParams, threshold: NaN }, 'p')).toThrow(
      /p\.threshold: .*got NaN/,
    );
  });

  it('rejects 256 refractory ticks', () => {
    expect(() => assertFloatNeuronParams({ ...validParams, refractory: 256 }, 'p')).toThrow(
      /p\.refractory: .*0\.\.255/,
    );
  });
});
