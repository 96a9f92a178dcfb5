/**
 * Property tests: no input, however malformed, makes `parseSpec`, `parseSpecYaml` or
 * `compile(parseSpec(x))` throw anything but `SpecError` or `CompileError`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { compile } from '../compile/compile';
import { CompileError, SpecError } from '../errors';
import { parseSpec } from './parse';
import { changed, pairDemoInput, thrownBy, type FieldPath } from './test-support';
import { valueAt } from './issues';
import { parseSpecYaml } from './yaml';

/** Small limits keep a mutated network cheap to compile. */
const LIMITS = { maxNeurons: 20_000, maxSynapses: 200_000 };

/** Returns a valid spec that uses most features, so mutations reach most checks. */
function richInput(): Record<string, unknown> {
  return {
    apiVersion: 'livenet/v1',
    name: 'rich',
    chip: { profile: 'loihi1-like', mode: 'fixed' },
    dtMs: 0.5,
    populations: [
      { name: 'pixels', size: 784, kind: 'input' },
      {
        name: 'hidden',
        size: 40,
        neuron: {
          model: 'alif',
          physical: { tauSynMs: 5, tauMemMs: 20, vth: 10, refractoryMs: 1, tauAdaptMs: 200, adaptInc: 2 },
        },
      },
      {
        name: 'out',
        size: 10,
        neuron: { model: 'lif', registers: { du: 100, dv: 200, vth: 20, refractory: 2 } },
      },
    ],
    projections: [
      {
        name: 'pixels-hidden',
        from: 'pixels',
        to: 'hidden',
        connectivity: { kind: 'sparse', p: 0.1 },
        weights: { init: 'uniform', low: -3, high: 8 },
        wExp: 2,
        delay: 3,
      },
      {
        name: 'hidden-hidden',
        from: 'hidden',
        to: 'hidden',
        connectivity: {
          kind: 'list',
          pairs: [
            [0, 1],
            [1, 0],
            [5, 7],
          ],
        },
        weights: { values: [1, -2, 3] },
        learning: {
          rule: 'eprop',
          learningRate: 0.001,
          tauOutMs: 20,
          wMin: -128,
          wMax: 127,
          envelope: {
            driftBudget: 0.5,
            windowTicks: 500,
            cadence: { kind: 'every-n-ticks', n: 10 },
            rollback: { metric: 'accuracy', floor: 0.5 },
          },
        },
      },
      {
        name: 'hidden-out',
        from: 'hidden',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'constant', value: 4 },
        learning: {
          rule: 'rstdp',
          aPlus: 0.01,
          aMinus: 0.01,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: 64,
          tauEligibilityMs: 1000,
          eta: 0.5,
        },
      },
    ],
    stimulus: [
      {
        population: 'pixels',
        encoder: { kind: 'poisson', maxRateHz: 100 },
        data: {
          dataset: 'mnist',
          split: 'train',
          samples: 20,
          presentTicks: 100,
          restTicks: 50,
          labels: { population: 'out' },
        },
      },
    ],
    record: {
      spikes: ['out'],
      state: [{ population: 'hidden', vars: ['v', 'threshold'], every: 10 }],
      weights: { every: 100 },
    },
    readout: { population: 'out', kind: 'vote', classes: 10 },
  };
}

/** Returns every path to a node of `value`, the root included. */
function pathsOf(value: unknown, prefix: FieldPath = []): FieldPath[] {
  const paths: FieldPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    2 ** 53,
    2 ** 31,
    2 ** 31 - 1,
    4096,
    4095,
    63,
    62,
    0,
    -1,
    1.5,
    '',
    '\u0000',
    '\uD800',
    '名前',
    '🧠',
    'in',
    'out',
    'hidden',
    'pixels',
    null,
    true,
    false,
    [],
    {},
    undefined,
    [[1, 0]],
    { kind: 'dense' },
    { init: 'uniform', low: 0, high: 1 },
    nested(200),
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary' }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Values close to a valid one, which more often keep the spec valid and reach later checks. */
function nearValues(original: unknown): unknown[] {
  if (typeof original === 'number') {
    return [
      0,
      1,
      -1,
      original + 1,
      original - 1,
      original * 2,
      original / 2,
      -original,
      Math.round(original * 1.5),
    ];
  }
  if (typeof original === 'string')
    return ['in', 'out', 'pixels', 'hidden', 'in-out', `${original}x`, original.toUpperCase()];
  return [undefined];
}

type Mutation = 'odd' | 'near' | 'delete' | 'extra';

/** A valid spec with one node replaced by an odd or a nearby value, deleted, or given an extra field. */
const mutatedSpec = fc
  .tuple(
    fc.constantFrom(pairDemoInput(), richInput()),
    fc.nat(),
    oddValue,
    fc.nat(),
    fc.constantFrom<Mutation>('odd', 'near', 'near', 'delete', 'extra'),
  )
  .map(([base, pick, odd, nearPick, mutation]) => {
    const paths = pathsOf(base).filter((path) => path.length > 0);
    const path = paths[pick % paths.length]!;
    if (mutation === 'extra') return changed(base, [[...path.slice(0, -1), 'extra'], odd]);
    if (mutation === 'delete') return changed(base, [path, undefined]);
    if (mutation === 'odd') return changed(base, [path, odd]);

    const near = nearValues(valueAt(base, path));
    return changed(base, [path, near[nearPick % near.length]]);
  });

/**
 * Asserts that `run` returns or throws one of the expected error classes. `parseSpec` turns an
 * exception inside itself into a "could not be read" issue, which for plain data would hide a
 * bug in the checks, so that issue fails the test too.
 */
function expectOnlyLivenetErrors(run: () => unknown): void {
  const error = thrownBy(run);
  if (error === undefined) return;
  const description = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  expect(error instanceof SpecError || error instanceof CompileError, `unexpected ${description}`).toBe(true);
  expect(description).not.toContain('could not be read');
}

function parseAndCompile(input: unknown): void {
  compile(parseSpec(input), { seed: 1, limits: LIMITS });
}

describe('fuzzed specs', () => {
  it('accepts both base specs', () => {
    expect(() => parseAndCompile(pairDemoInput())).not.toThrow();
    expect(() => parseAndCompile(richInput())).not.toThrow();
  });

  it('survives arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
          withNullPrototype: true,
        }),
        (input) => {
          expectOnlyLivenetErrors(() => parseAndCompile(input));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('survives mutated specs', () => {
    // Many mutations keep the spec valid, so compile and placement run on them too.
    let compiled = 0;
    fc.assert(
      fc.property(mutatedSpec, (input) =>
        expectOnlyLivenetErrors(() => {
          parseAndCompile(input);
          compiled++;
        }),
      ),
      { numRuns: 1000 },
    );
    expect(compiled).toBeGreaterThan(50);
  });

  it('survives every nearby leaf value', () => {
    // Exhaustive over leaves: each number or name of both base specs, swapped for each nearby value.
    for (const base of [pairDemoInput(), richInput()]) {
      for (const path of pathsOf(base)) {
        const original = valueAt(base, path);
        if (typeof original !== 'number' && typeof original !== 'string') continue;
        for (const value of nearValues(original)) {
          expectOnlyLivenetErrors(() => parseAndCompile(changed(base, [path, value])));
        }
      }
    }
  });

  it('survives doubly mutated specs', () => {
    fc.assert(
      fc.property(mutatedSpec, fc.nat(), oddValue, (input, pick, value) => {
        const paths = pathsOf(input).filter((path) => path.length > 0);
        expectOnlyLivenetErrors(() => parseAndCompile(changed(input, [paths[pick % paths.length]!, value])));
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects deep nesting', () => {
    expect(thrownBy(() => parseSpec(nested(100_000)))).toBeInstanceOf(SpecError);
    expect(thrownBy(() => parseSpec({ ...pairDemoInput(), populations: nested(100_000) }))).toBeInstanceOf(
      SpecError,
    );
  });
});

describe('fuzzed YAML', () => {
  const pairYaml = stringify(pairDemoInput());

  /** Asserts that parsing `text` returns a spec or issues with positions, and throws nothing. */
  function expectResult(text: string): void {
    const result = parseSpecYaml(text);
    if ('spec' in result) return;
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
    }
  }

  it('survives random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectResult), { numRuns: 1000 });
  });

  it('survives edited spec text', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = pairYaml;
        for (const [at, cut, insert] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + cut);
        }
        expectResult(text);
      }),
      { numRuns: 500 },
    );
  });

  it('survives mutated specs as YAML', () => {
    fc.assert(
      fc.property(mutatedSpec, (input) => {
        // Some odd values (a lone surrogate, deep nesting) cannot be written as YAML; skip those.
        let text: string;
        try {
          text = stringify(input);
        } catch {
          return;
        }
        expectResult(text);
      }),
      { numRuns: 100 },
    );
  });

  it('survives deep flow nesting', () => {
    expectResult('['.repeat(10_000));
    expectResult(`${'- '.repeat(2_000)}1`);
  });
});
