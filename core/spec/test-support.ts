/**
 * Spec inputs for tests: the pair example of the spec format and helpers that change one field
 * or catch the error a call throws.
 */
import { SpecError } from '../errors';

/** Returns the two-input, one-neuron example of the spec format as JSON input. */
export function pairDemoInput(): Record<string, unknown> {
  return {
    apiVersion: 'livenet/v1',
    name: 'pair-demo',
    chip: { profile: 'loihi2-like', mode: 'fixed' },
    dtMs: 1,
    populations: [
      { name: 'in', size: 2, kind: 'input' },
      {
        name: 'out',
        size: 1,
        neuron: {
          model: 'lif',
          registers: { du: 4095, dv: 0, vth: 10, biasMant: 0, biasExp: 0, refractory: 0 },
        },
      },
    ],
    projections: [
      {
        name: 'in-out',
        from: 'in',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { values: [[5], [3]] },
        wExp: 0,
        delay: 0,
        learning: {
          rule: 'stdp',
          aPlus: 0.01,
          aMinus: 0.012,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: 127,
          bound: 'hard',
        },
      },
    ],
    stimulus: [
      {
        population: 'in',
        spikes: [
          [1, 0],
          [3, 1],
        ],
      },
    ],
    record: {
      spikes: ['out'],
      state: [{ population: 'out', vars: ['u', 'v'], every: 1 }],
      weights: { every: 1000 },
    },
  };
}

export type FieldPath = (string | number)[];

/**
 * Returns a deep copy of `input` with each `[path, value]` change applied in order; the value
 * `undefined` deletes the field.
 */
export function changed(input: unknown, ...changes: [FieldPath, unknown][]): Record<string, unknown> {
  const copy = structuredClone(input) as Record<string, unknown>;
  for (const [path, value] of changes) {
    let parent = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value === undefined) delete parent[last];
    else parent[last] = structuredClone(value);
  }
  return copy;
}

/**
 * Returns the pair example with 784 inputs fed MNIST digits through a latency code: a train-split
 * stream of 10 samples of 20 ticks, with `data` merged over it.
 */
export function mnistLatencyInput(data: Record<string, unknown>): Record<string, unknown> {
  return changed(
    pairDemoInput(),
    [['populations', 0, 'size'], 784],
    [['projections', 0, 'weights'], { init: 'constant', value: 1 }],
    [
      ['stimulus'],
      [
        {
          population: 'in',
          encoder: { kind: 'latency' },
          data: { dataset: 'mnist', split: 'train', samples: 10, presentTicks: 20, ...data },
        },
      ],
    ],
  );
}

/** Returns the error `run` throws, or undefined when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Returns the SpecError `run` throws; fails the test when it throws anything else or nothing. */
export function specErrorOf(run: () => unknown): SpecError {
  const error = thrownBy(run);
  if (error instanceof SpecError) return error;
  throw new Error(`expected a SpecError, got ${String(error)}`);
}
