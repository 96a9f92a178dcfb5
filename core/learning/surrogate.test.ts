import { describe, expect, it } from 'vitest';
import {
  evaluateSurrogate,
  fastSigmoidSurrogate,
  membranePotentialJacobian,
  surrogateOfDistance,
  triangleSurrogate,
} from './surrogate';

describe('fast-sigmoid surrogate', () => {
  it('peaks at 1 for threshold 1', () => {
    expect(fastSigmoidSurrogate(1, 1, 2)).toBe(1);
  });

  it('peaks at 1 for threshold 2', () => {
    expect(fastSigmoidSurrogate(2, 2, 2)).toBe(1);
  });

  it('is 0.25 half a unit above threshold', () => {
    // 1 / (1 + 2 * 0.5)^2 = 1/4.
    expect(fastSigmoidSurrogate(1.5, 1, 2)).toBe(0.25);
  });

  it('is symmetric around the threshold', () => {
    expect(fastSigmoidSurrogate(0.5, 1, 2)).toBe(0.25);
  });

  it('narrows as the slope grows', () => {
    // 1 / (1 + 10 * 0.5)^2 = 1/36.
    expect(fastSigmoidSurrogate(2.5, 2, 10)).toBeCloseTo(1 / 36, 15);
  });

  it('rejects a zero slope', () => {
    expect(() => fastSigmoidSurrogate(1, 1, 0)).toThrow(/slope: .*above 0, got 0/);
  });
});

describe('triangle surrogate', () => {
  it('peaks at 1 whatever the threshold', () => {
    expect(triangleSurrogate(1, 1, 0.5)).toBe(1);
    expect(triangleSurrogate(64, 64, 0.5)).toBe(1);
  });

  it('halves at half the width', () => {
    expect(triangleSurrogate(1.25, 1, 0.5)).toBe(0.5);
  });

  it('is zero beyond the width', () => {
    expect(triangleSurrogate(0.4, 1, 0.5)).toBe(0);
  });

  it('rejects a negative width', () => {
    expect(() => triangleSurrogate(1, 1, -1)).toThrow(/halfWidth: .*got -1/);
  });
});

describe('evaluateSurrogate', () => {
  it('dispatches on the shape kind', () => {
    expect(evaluateSurrogate({ kind: 'fast-sigmoid', slope: 2 }, 2.5, 2)).toBe(0.25);
    expect(evaluateSurrogate({ kind: 'triangle', halfWidth: 2 }, 3, 2)).toBe(0.5);
  });
});

describe('surrogateOfDistance', () => {
  it('gives the fast sigmoid of the distance', () => {
    const psi = surrogateOfDistance({ kind: 'fast-sigmoid', slope: 2 });
    expect(psi(0)).toBe(1);
    expect(psi(-0.5)).toBe(0.25);
  });

  it('gives the triangle of the distance', () => {
    const psi = surrogateOfDistance({ kind: 'triangle', halfWidth: 0.5 });
    expect(psi(0.25)).toBe(0.5);
    expect(psi(0.75)).toBe(0);
  });

  it('rejects an infinite slope', () => {
    expect(() => surrogateOfDistance({ kind: 'fast-sigmoid', slope: Infinity })).toThrow(
      /slope: .*got Infinity/,
    );
  });
});

describe('membranePotentialJacobian', () => {
  it('is the decay with the reset detached', () => {
    expect(membranePotentialJacobian(0.9, { kind: 'detached' })).toBe(0.9);
  });

  it('scales the subtracted threshold by the decay', () => {
    // 0.9 * (1 - 1 * 0.25) = 0.675, not 0.9 - 0.25.
    const gradient = {
      kind: 'attached',
      reset: 'subtract',
      membranePotential: 1.5,
      threshold: 1,
      spike: 1,
      surrogate: 0.25,
    } as const;
    expect(membranePotentialJacobian(0.9, gradient)).toBeCloseTo(0.675, 15);
  });

  it('differentiates the reset to zero', () => {
    // v (1 - z): d/dv = (1 - z) - v psi = 0 - 1.5 * 0.25; times 0.9 gives -0.3375.
    const gradient = {
      kind: 'attached',
      reset: 'zero',
      membranePotential: 1.5,
      threshold: 1,
      spike: 1,
      surrogate: 0.25,
    } as const;
    expect(membranePotentialJacobian(0.9, gradient)).toBeCloseTo(-0.3375, 15);
  });
});
