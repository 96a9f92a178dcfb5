import { describe, expect, it } from 'vitest';
import { AdamPreconditioner } from './adam';

describe('AdamPreconditioner', () => {
  it('first step is the gradient sign', () => {
    // After one step m / (1 - beta1) = g and v / (1 - beta2) = g^2, so g' = g / (|g| + eps).
    const gradient = Float64Array.from([2, -0.5, 0]);
    new AdamPreconditioner().precondition({ w: gradient });
    expect(gradient[0]).toBeCloseTo(1, 6);
    expect(gradient[1]).toBeCloseTo(-1, 6);
    expect(gradient[2]).toBe(0);
  });

  it('steady gradient keeps unit steps', () => {
    // A constant g gives m = g (1 - beta1^t) and v = g^2 (1 - beta2^t): the corrections cancel.
    const adam = new AdamPreconditioner();
    let gradient = Float64Array.from([3]);
    for (let t = 0; t < 5; t++) {
      gradient = Float64Array.from([3]);
      adam.precondition({ w: gradient });
    }
    expect(gradient[0]).toBeCloseTo(1, 6);
  });

  it('null gradients are skipped', () => {
    expect(() => new AdamPreconditioner().precondition({ w: null })).not.toThrow();
  });
});

describe('AdamPreconditioner by hand', () => {
  it('second step by hand', () => {
    // g1 = 1, g2 = -2: m = 0.9 * 0.1 - 0.2 = -0.11, v = 0.999 * 0.001 + 0.004 = 0.004999;
    // g' = (m / (1 - 0.81)) / (sqrt(v / (1 - 0.998001)) + 1e-8).
    const adam = new AdamPreconditioner();
    adam.precondition({ w: Float64Array.from([1]) });
    const gradient = Float64Array.from([-2]);
    adam.precondition({ w: gradient });
    const expected = -0.11 / 0.19 / (Math.sqrt(0.004999 / 0.001999) + 1e-8);
    expect(Math.abs(gradient[0]! - expected)).toBeLessThan(1e-12);
  });

  it('restored state continues bit for bit', () => {
    const gradients = [
      [1, -3],
      [0.5, 2],
      [-4, 0.25],
    ];
    const whole = new AdamPreconditioner();
    const out: number[][] = gradients.map((g) => {
      const array = Float64Array.from(g);
      whole.precondition({ w: array });
      return Array.from(array);
    });
    const first = new AdamPreconditioner();
    first.precondition({ w: Float64Array.from(gradients[0]!) });
    const second = new AdamPreconditioner();
    second.setState(first.getState());
    const rest = gradients.slice(1).map((g) => {
      const array = Float64Array.from(g);
      second.precondition({ w: array });
      return Array.from(array);
    });
    expect(rest).toEqual(out.slice(1));
    expect(Array.from(second.getState()['steps']!)).toEqual([3]);
  });

  it('rejects a state without steps', () => {
    expect(() => new AdamPreconditioner().setState({})).toThrow(/adam state: expected "steps"/);
  });
});
