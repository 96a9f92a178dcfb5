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
