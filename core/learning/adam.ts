/**
 * Adam (Kingma and Ba 2015) as a preconditioner of gradients that a learner then applies with
 * plain steps `w -= rate * g`: each gradient entry g is replaced, in place, by
 *
 *     m = beta1 * m + (1 - beta1) * g          v = beta2 * v + (1 - beta2) * g^2
 *     g' = (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 *
 * so the learner's step becomes Adam's step with the learner's rate. It lets one learning rate
 * serve parameter groups whose raw gradients differ by orders of magnitude (the e-prop readout
 * and the input weights), as in the e-prop paper's experiments.
 *
 * `getState` and `setState` save and restore the step count and the moments, so a learner that
 * owns a preconditioner continues bit for bit after a restore.
 */
export class AdamPreconditioner {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private readonly moments = new Map<string, { m: Float64Array; v: Float64Array }>();
  private steps = 0;

  constructor(beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** Rescales every named gradient array in place; null entries are skipped. */
  precondition(gradients: Record<string, Float64Array | null>): void {
    this.steps++;
    const correction1 = 1 - this.beta1 ** this.steps;
    const correction2 = 1 - this.beta2 ** this.steps;

    for (const [name, gradient] of Object.entries(gradients)) {
      if (gradient === null) continue;
      let moment = this.moments.get(name);
      if (moment === undefined) {
        moment = { m: new Float64Array(gradient.length), v: new Float64Array(gradient.length) };
        this.moments.set(name, moment);
      }
      const { m, v } = moment;
      for (let k = 0; k < gradient.length; k++) {
        const g = gradient[k]!;
        m[k] = this.beta1 * m[k]! + (1 - this.beta1) * g;
        v[k] = this.beta2 * v[k]! + (1 - this.beta2) * g * g;
        gradient[k] = m[k]! / correction1 / (Math.sqrt(v[k]! / correction2) + this.epsilon);
      }
    }
  }

  /** Step count (as `steps`, one value) and the moments (`<name>.m`, `<name>.v`) of every array seen. */
  getState(): Record<string, Float64Array> {
    const state: Record<string, Float64Array> = { steps: Float64Array.of(this.steps) };
    for (const [name, { m, v }] of this.moments) {
      state[`${name}.m`] = m.slice();
      state[`${name}.v`] = v.slice();
    }
    return state;
  }

  /** Replaces the step count and every moment with those of `state` (a `getState` result). */
  setState(state: Record<string, ArrayLike<number>>): void {
    const steps = state['steps'];
    if (steps === undefined || steps.length !== 1 || !Number.isInteger(steps[0]) || steps[0]! < 0) {
      throw new Error('adam state: expected "steps" as one integer >= 0');
    }
    this.steps = steps[0]!;
    this.moments.clear();
    for (const [key, m] of Object.entries(state)) {
      if (!key.endsWith('.m')) continue;
      const name = key.slice(0, -2);
      const v = state[`${name}.v`];
      if (v === undefined || v.length !== m.length) {
        throw new Error(`adam state: "${name}.v" must hold as many values as "${name}.m" (${m.length})`);
      }
      this.moments.set(name, { m: Float64Array.from(m), v: Float64Array.from(v) });
    }
  }
}
