import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clip24, decayFactorFromTau, decayRegisterFromTau, trunc0, wrap24 } from './arith';

// Reference definitions written straight from the chip's rules, in exact BigInt arithmetic.
const TWO_23 = 2n ** 23n;
const TWO_24 = 2n ** 24n;

function trunc0Reference(x: bigint): bigint {
  const magnitude = x < 0n ? -x : x;
  const quotient = magnitude / 4096n;
  return x < 0n ? -quotient : quotient;
}

function wrap24Reference(x: bigint): bigint {
  const remainder = (x + TWO_23) % TWO_24;
  const modulo = remainder < 0n ? remainder + TWO_24 : remainder;
  return modulo - TWO_23;
}

function clip24Reference(x: bigint): bigint {
  const max = TWO_23 - 1n;
  if (x > max) return max;
  if (x < -max) return -max;
  return x;
}

// Pre-wrap value of a current update: a 24-bit value times a 12-bit factor plus a shifted 31-bit input.
const decayProduct = fc
  .tuple(
    fc.integer({ min: -(2 ** 23), max: 2 ** 23 }),
    fc.integer({ min: 0, max: 4096 }),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  )
  .map(([value, factor, input]) => value * factor + input);

const anyInteger = fc.oneof(
  fc.integer({ min: -(2 ** 25), max: 2 ** 25 }),
  decayProduct,
  fc.maxSafeInteger(),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((x) => x * 64),
);

describe('trunc0', () => {
  it('rounds -2.5 toward zero', () => {
    expect(trunc0(-5 * 2048)).toBe(-2);
  });

  it('rounds 2.5 and 3.5 down', () => {
    expect(trunc0(5 * 2048)).toBe(2);
    expect(trunc0(7 * 2048)).toBe(3);
  });

  it('returns positive zero for small negatives', () => {
    expect(Object.is(trunc0(-4095), 0)).toBe(true);
  });

  it('matches BigInt definition', () => {
    fc.assert(
      fc.property(anyInteger, (x) => {
        expect(trunc0(x)).toBe(Number(trunc0Reference(BigInt(x))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wrap24', () => {
  it('maps the edge values as specified', () => {
    expect(wrap24(-(2 ** 23))).toBe(-8388608);
    expect(wrap24(2 ** 23)).toBe(-8388608);
    expect(wrap24(26009600)).toBe(-7544832);
  });

  it('keeps in-range values', () => {
    expect(wrap24(8388607)).toBe(8388607);
    expect(wrap24(-1)).toBe(-1);
  });

  it('wraps far below the range', () => {
    // -3 * 2^24 - 5 is congruent to -5 modulo 2^24.
    expect(wrap24(-3 * 2 ** 24 - 5)).toBe(-5);
  });

  it('matches BigInt definition', () => {
    fc.assert(
      fc.property(anyInteger, (x) => {
        expect(wrap24(x)).toBe(Number(wrap24Reference(BigInt(x))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('clip24', () => {
  it('saturates at both ends', () => {
    expect(clip24(8395000)).toBe(8388607);
    expect(clip24(-8388608)).toBe(-8388607);
  });

  it('matches BigInt definition', () => {
    fc.assert(
      fc.property(anyInteger, (x) => {
        expect(clip24(x)).toBe(Number(clip24Reference(BigInt(x))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decayRegisterFromTau', () => {
  it('gives 200 for tau 20 at dt 1', () => {
    expect(decayRegisterFromTau(20, 1)).toBe(200);
  });

  it('gives 2048 when tau is dt / ln 2', () => {
    // exp(-dt / tau) = 1/2 exactly when tau = dt / ln(2).
    expect(decayRegisterFromTau(1 / Math.LN2, 1)).toBe(2048);
  });

  it('rejects a register of 4096', () => {
    // 4096 * exp(-10) = 0.19 rounds the register to 4096, one above its 12 bits.
    expect(() => decayRegisterFromTau(0.1, 1, 'populations.hidden.tauMemMs')).toThrow(
      /populations\.hidden\.tauMemMs: .*0\.1 ms.*4096.*maximum 4095/,
    );
  });

  it('rejects a non-positive tau', () => {
    expect(() => decayRegisterFromTau(0, 1)).toThrow(/tauMs: .*above 0, got 0/);
  });

  it('rejects a non-positive tick', () => {
    expect(() => decayRegisterFromTau(20, -1)).toThrow(/dtMs: .*above 0, got -1/);
  });
});

describe('decayFactorFromTau', () => {
  it('is exp(-0.05) for tau 20 at dt 1', () => {
    expect(decayFactorFromTau(20, 1)).toBeCloseTo(0.951229424500714, 15);
  });

  it('compounds to exp(-0.5) over 10 ticks', () => {
    expect(decayFactorFromTau(20, 1) ** 10).toBeCloseTo(0.606531, 6);
  });
});
