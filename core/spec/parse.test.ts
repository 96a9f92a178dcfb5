import { describe, expect, it } from 'vitest';

import { SpecError } from '../errors';
import { parseSpec } from './parse';
import { changed, pairDemoInput, specErrorOf, type FieldPath } from './test-support';

/** Returns the first issue of the SpecError that parsing `input` throws. */
function firstIssue(input: unknown, mode?: 'fixed' | 'float') {
  return specErrorOf(() => parseSpec(input, mode === undefined ? {} : { mode })).issues[0]!;
}

const withPoisson = (maxRateHz: number, dtMs: number) =>
  changed(
    pairDemoInput(),
    [['dtMs'], dtMs],
    [['stimulus'], [{ population: 'in', encoder: { kind: 'poisson', maxRateHz } }]],
  );

/** The pair example with one field changed. */
const withField = (path: FieldPath, value: unknown) => changed(pairDemoInput(), [path, value]);

describe('parseSpec valid input', () => {
  it('accepts the pair example', () => {
    expect(parseSpec(pairDemoInput()).name).toBe('pair-demo');
  });

  it('fills defaults', () => {
    const spec = parseSpec(
      changed(
        pairDemoInput(),
        [['chip'], undefined],
        [['record'], undefined],
        [['projections', 0, 'wExp'], undefined],
        [['projections', 0, 'delay'], undefined],
      ),
    );
    expect(spec.chip).toEqual({ profile: 'loihi2-like', mode: 'fixed' });
    expect(spec.record).toEqual({ spikes: [], state: [] });
    expect(spec.projections[0]!.wExp).toBe(0);
    expect(spec.projections[0]!.delay).toBe(0);
    expect(spec.populations[1]!.kind).toBe('neuron');
  });

  it('reparses its own output unchanged', () => {
    const once = parseSpec(pairDemoInput());
    expect(parseSpec(once)).toEqual(once);
  });

  it('accepts delay 62', () => {
    const spec = parseSpec(withField(['projections', 0, 'delay'], 62));
    expect(spec.projections[0]!.delay).toBe(62);
  });

  it('accepts Poisson at probability 1', () => {
    expect(parseSpec(withPoisson(1000, 1)).stimulus[0]!.encoder).toEqual({
      kind: 'poisson',
      maxRateHz: 1000,
    });
  });
});

describe('parseSpec ranges', () => {
  it('rejects delay 63 with path and range', () => {
    const issue = firstIssue(withField(['projections', 0, 'delay'], 63));
    expect(issue.path).toBe('projections[0].delay');
    expect(issue.value).toBe(63);
    expect(issue.message).toContain('0..62');
    expect(issue.message).toContain('got 63');
    expect(issue.message).toContain('"in-out"');
  });

  it('names path value and range in the error message', () => {
    const error = specErrorOf(() => parseSpec(withField(['projections', 0, 'delay'], 63)));
    expect(error.message).toMatch(/^invalid spec: projections\[0\]\.delay: .*0\.\.62, got 63$/);
    expect(error.message).not.toContain('\n');
    expect(error.code).toBe('invalid-spec');
  });

  it.each([
    ['du', 4096, '0..4095'],
    ['dv', -1, '0..4095'],
    ['vth', 131072, '0..131071'],
    ['biasMant', 4096, '-4096..4095'],
    ['biasExp', 8, '0..7'],
    ['refractory', 256, '0..255'],
    ['du', 2.5, '0..4095'],
  ])('rejects register %s = %d', (field, value, range) => {
    const issue = firstIssue(withField(['populations', 1, 'neuron', 'registers', field], value));
    expect(issue.path).toBe(`populations[1].neuron.registers.${field}`);
    expect(issue.message).toContain(range);
    expect(issue.message).toContain(`got ${value}`);
  });

  it.each([
    ['wExp', 8, '0..7'],
    ['delay', -1, '0..62'],
  ])('rejects projection %s = %d', (field, value, range) => {
    const issue = firstIssue(withField(['projections', 0, field], value));
    expect(issue.path).toBe(`projections[0].${field}`);
    expect(issue.message).toContain(range);
  });

  it.each([NaN, Infinity, -Infinity, 0, 1e9])('rejects dtMs %d', (dtMs) => {
    const issue = firstIssue(withField(['dtMs'], dtMs));
    expect(issue.path).toBe('dtMs');
    expect(issue.message).toContain('0.001..1000');
  });

  it('rejects sparse p = 0', () => {
    const issue = firstIssue(
      changed(
        pairDemoInput(),
        [['projections', 0, 'connectivity'], { kind: 'sparse', p: 0 }],
        [['projections', 0, 'weights'], { init: 'constant', value: 1 }],
      ),
    );
    expect(issue.path).toBe('projections[0].connectivity.p');
    expect(issue.message).toContain('0 < p <= 1');
  });
});

describe('parseSpec Poisson rate', () => {
  it('rejects 2000 Hz at 1 ms', () => {
    const issue = firstIssue(withPoisson(2000, 1));
    expect(issue.path).toBe('stimulus[0].encoder.maxRateHz');
    expect(issue.value).toBe(2000);
    expect(issue.message).toContain('input population "in"');
    expect(issue.message).toContain('populations[0]');
    expect(issue.message).toContain('probability of 2 per tick');
    expect(issue.message).toContain('maxRateHz <= 1000');
  });

  it('rejects 200 Hz at 10 ms', () => {
    // p = 200 * 10 / 1000 = 2.
    expect(firstIssue(withPoisson(200, 10)).message).toContain('probability of 2 per tick');
  });

  it('accepts 10000 Hz at 0.1 ms', () => {
    expect(() => parseSpec(withPoisson(10_000, 0.1))).not.toThrow();
  });
});

describe('parseSpec names and references', () => {
  it('rejects a duplicate population name', () => {
    const issue = firstIssue(withField(['populations', 2], { name: 'in', size: 1, kind: 'input' }));
    expect(issue.path).toBe('populations[2].name');
    expect(issue.message).toContain('duplicate name "in"');
    expect(issue.message).toContain('populations[0]');
  });

  it('rejects a duplicate projection name', () => {
    const issue = firstIssue(withField(['projections', 1], (pairDemoInput().projections as unknown[])[0]));
    expect(issue.path).toBe('projections[1].name');
  });

  it.each([
    [['projections', 0, 'to'], 'nope', 'projections[0].to'],
    [['projections', 0, 'from'], 'nope', 'projections[0].from'],
    [['stimulus', 0, 'population'], 'nope', 'stimulus[0].population'],
    [['record', 'spikes'], ['nope'], 'record.spikes[0]'],
    [['record', 'state', 0, 'population'], 'nope', 'record.state[0].population'],
  ] as [FieldPath, unknown, string][])('rejects a missing reference at %s', (field, value, path) => {
    const issue = firstIssue(withField(field, value));
    expect(issue.path).toBe(path);
    expect(issue.message).toContain('no population is named "nope"');
  });

  it('rejects a projection into an input', () => {
    const error = specErrorOf(() => parseSpec(withField(['projections', 0, 'to'], 'in')));
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['projections[0].to', 'projections[0].learning']),
    );
    expect(error.issues[0]!.message).toContain('input population');
  });

  it('rejects a stimulus of a neuron population', () => {
    const issue = firstIssue(withField(['stimulus', 0], { population: 'out', spikes: [[1, 0]] }));
    expect(issue.path).toBe('stimulus[0].population');
  });
});

describe('parseSpec neuron models', () => {
  it('rejects a model on an input', () => {
    const issue = firstIssue(
      withField(['populations', 0, 'neuron'], { model: 'lif', registers: { du: 0, dv: 0, vth: 0 } }),
    );
    expect(issue.path).toBe('populations[0].neuron');
    expect(issue.message).toContain('input populations take no neuron model');
  });

  it('rejects a neuron population without model', () => {
    expect(firstIssue(withField(['populations', 1, 'neuron'], undefined)).path).toBe('populations[1].neuron');
  });

  it('rejects registers and physical together', () => {
    const issue = firstIssue(
      withField(['populations', 1, 'neuron', 'physical'], { tauSynMs: 5, tauMemMs: 20, vth: 10 }),
    );
    expect(issue.message).toContain('not both');
  });

  it('rejects a decay register of 4096', () => {
    // 4096 * (1 - exp(-1 / 0.1)) = 4095.8, which rounds to 4096.
    const issue = firstIssue(
      withField(['populations', 1, 'neuron'], {
        model: 'lif',
        physical: { tauSynMs: 0.1, tauMemMs: 20, vth: 10 },
      }),
    );
    expect(issue.path).toBe('populations[1].neuron.physical.tauSynMs');
    expect(issue.message).toContain('decay register 4096');
    expect(issue.message).toContain('0..4095');
  });

  it('rejects 300 refractory ticks', () => {
    const issue = firstIssue(
      changed(
        pairDemoInput(),
        [['dtMs'], 0.5],
        [
          ['populations', 1, 'neuron'],
          { model: 'lif', physical: { tauSynMs: 5, tauMemMs: 20, vth: 10, refractoryMs: 150 } },
        ],
      ),
    );
    expect(issue.path).toBe('populations[1].neuron.physical.refractoryMs');
    expect(issue.message).toContain('300 ticks');
    expect(issue.message).toContain('0..255');
  });

  it('requires ALIF adaptation fields', () => {
    const error = specErrorOf(() => parseSpec(withField(['populations', 1, 'neuron', 'model'], 'alif')));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'populations[1].neuron.registers.dThreshold',
      'populations[1].neuron.registers.adaptInc',
    ]);
  });

  it('rejects ALIF fields on LIF', () => {
    const issue = firstIssue(withField(['populations', 1, 'neuron', 'registers', 'adaptInc'], 3));
    expect(issue.path).toBe('populations[1].neuron.registers.adaptInc');
  });

  it('rejects subtractive reset in fixed mode', () => {
    const input = withField(['populations', 1, 'neuron', 'reset'], 'subtract');
    expect(firstIssue(input).path).toBe('populations[1].neuron.reset');
    expect(parseSpec(input, { mode: 'float' }).populations[1]!.neuron!.reset).toBe('subtract');
  });
});

describe('parseSpec weights', () => {
  const withDense = (values: unknown) => withField(['projections', 0, 'weights'], { values });

  it('rejects a matrix with a missing row', () => {
    const issue = firstIssue(withDense([[5]]));
    expect(issue.path).toBe('projections[0].weights.values');
    expect(issue.message).toContain('expected 2 rows');
  });

  it('rejects a row of the wrong length', () => {
    expect(firstIssue(withDense([[5], [3, 4]])).path).toBe('projections[0].weights.values[1]');
  });

  it.each([128, -129, 1.5])('rejects mantissa %d in fixed mode', (value) => {
    const issue = firstIssue(withDense([[5], [value]]));
    expect(issue.path).toBe('projections[0].weights.values[1][0]');
    expect(issue.message).toContain('-128..127');
  });

  it('accepts real weights in float mode', () => {
    const input = changed(
      withDense([[0.5], [100.25]]),
      [['chip', 'mode'], 'float'],
      [['projections', 0, 'learning', 'wMax'], 200],
    );
    expect(parseSpec(input).projections[0]!.weights).toEqual({ values: [[0.5], [100.25]] });
  });

  it('rejects real weights when checked for fixed mode', () => {
    const input = changed(withDense([[0.5], [3]]), [['chip', 'mode'], 'float']);
    expect(firstIssue(input, 'fixed').path).toBe('projections[0].weights.values[0][0]');
  });

  it('rejects weights outside the learning bounds', () => {
    const issue = firstIssue(withDense([[-1], [3]]));
    expect(issue.message).toContain('learning bounds 0..127');
  });

  it('rejects explicit values for sparse', () => {
    const input = changed(withDense([5, 3]), [
      ['projections', 0, 'connectivity'],
      { kind: 'sparse', p: 0.5 },
    ]);
    expect(firstIssue(input).path).toBe('projections[0].weights.values');
  });

  it('rejects a reward baseline of 0 rewards', () => {
    const learning = {
      rule: 'rstdp',
      aPlus: 1,
      aMinus: 1,
      tauPreMs: 20,
      tauPostMs: 20,
      wMin: 0,
      wMax: 127,
      tauEligibilityMs: 100,
      eta: 1,
      rewardBaseline: { tauRewards: 0 },
    };
    const issue = firstIssue(withField(['projections', 0, 'learning'], learning));
    expect(issue.path).toBe('projections[0].learning.rewardBaseline.tauRewards');
    expect(issue.message).toContain('1');
  });

  it('rejects uniform without high', () => {
    const issue = firstIssue(withField(['projections', 0, 'weights'], { init: 'uniform', low: 0 }));
    expect(issue.path).toBe('projections[0].weights.high');
    expect(issue.message).toContain('missing');
  });

  it('rejects uniform with low above high', () => {
    const input = withField(['projections', 0, 'weights'], { init: 'uniform', low: 5, high: 1 });
    expect(firstIssue(input).path).toBe('projections[0].weights.high');
  });
});

describe('parseSpec connectivity', () => {
  const twoByTwo = (connectivity: unknown, values: unknown) =>
    changed(
      pairDemoInput(),
      [['populations', 1, 'size'], 2],
      [['projections', 0, 'connectivity'], connectivity],
      [['projections', 0, 'weights'], { values }],
      [['projections', 0, 'learning'], undefined],
      [['record'], {}],
    );

  it('rejects one-to-one between sizes 2 and 3', () => {
    const input = changed(twoByTwo({ kind: 'one-to-one' }, [1, 2]), [['populations', 1, 'size'], 3]);
    const issue = firstIssue(input);
    expect(issue.path).toBe('projections[0].connectivity');
    expect(issue.message).toContain('equal sizes');
  });

  it('rejects a one-to-one weight count', () => {
    expect(firstIssue(twoByTwo({ kind: 'one-to-one' }, [1, 2, 3])).message).toContain('expected 2 values');
  });

  it('rejects a list pair out of range', () => {
    const issue = firstIssue(
      twoByTwo(
        {
          kind: 'list',
          pairs: [
            [0, 1],
            [2, 0],
          ],
        },
        [1, 2],
      ),
    );
    expect(issue.path).toBe('projections[0].connectivity.pairs[1][0]');
    expect(issue.message).toContain('0..1');
  });

  it('rejects a duplicate list pair', () => {
    const issue = firstIssue(
      twoByTwo(
        {
          kind: 'list',
          pairs: [
            [0, 1],
            [0, 1],
          ],
        },
        [1, 2],
      ),
    );
    expect(issue.path).toBe('projections[0].connectivity.pairs[1]');
  });

  it('rejects a list weight count', () => {
    expect(firstIssue(twoByTwo({ kind: 'list', pairs: [[0, 1]] }, [1, 2])).message).toContain(
      'expected 1 values',
    );
  });
});

describe('parseSpec stimulus', () => {
  const withSpikes = (spikes: unknown) => withField(['stimulus', 0, 'spikes'], spikes);

  it('rejects a neuron index out of range', () => {
    const issue = firstIssue(withSpikes([[1, 2]]));
    expect(issue.path).toBe('stimulus[0].spikes[0][1]');
    expect(issue.message).toContain('0..1');
  });

  it.each([0, -1, 1.5])('rejects tick %d', (tick) => {
    const issue = firstIssue(withSpikes([[tick, 0]]));
    expect(issue.path).toBe('stimulus[0].spikes[0][0]');
    expect(issue.message).toContain('tick >= 1');
  });

  it('rejects a duplicate spike', () => {
    expect(
      firstIssue(
        withSpikes([
          [1, 0],
          [1, 0],
        ]),
      ).path,
    ).toBe('stimulus[0].spikes[1]');
  });

  it('rejects MNIST Poisson into 2 inputs', () => {
    const input = withField(['stimulus', 0], {
      population: 'in',
      encoder: { kind: 'poisson', maxRateHz: 63.75 },
      data: { dataset: 'mnist', split: 'train', samples: 10, presentTicks: 350, restTicks: 150 },
    });
    expect(firstIssue(input).message).toContain('needs size 784');
  });
});

describe('parseSpec learning', () => {
  it('rejects wMax above 127 in fixed mode', () => {
    const issue = firstIssue(withField(['projections', 0, 'learning', 'wMax'], 200));
    expect(issue.path).toBe('projections[0].learning.wMax');
    expect(issue.message).toContain('-128..127');
  });

  it('rejects wMin above wMax', () => {
    const input = changed(
      pairDemoInput(),
      [['projections', 0, 'learning', 'wMin'], 10],
      [['projections', 0, 'learning', 'wMax'], 5],
    );
    expect(firstIssue(input).path).toBe('projections[0].learning.wMax');
  });

  it('requires a readout for e-prop', () => {
    const input = withField(['projections', 0, 'learning'], {
      rule: 'eprop',
      learningRate: 0.01,
      tauOutMs: 20,
      wMin: -128,
      wMax: 127,
    });
    expect(firstIssue(input).path).toBe('projections[0].learning.rule');
  });

  it('reads an envelope with its defaults', () => {
    const spec = parseSpec(
      withField(['projections', 0, 'learning', 'envelope'], { driftBudget: 0.5, windowTicks: 100 }),
    );
    expect(spec.projections[0]!.learning!.envelope).toEqual({
      driftBudget: 0.5,
      windowTicks: 100,
      cadence: { kind: 'every-event' },
    });
  });
});

describe('parseSpec malformed documents', () => {
  it.each([null, 'spec', 42, [], undefined])('rejects %s at the root', (input) => {
    const issue = firstIssue(input);
    expect(issue.path).toBe('');
    expect(issue.message).toContain('expected an object');
  });

  it('rejects an unknown field', () => {
    const issue = firstIssue(withField(['projections', 0, 'delays'], 3));
    expect(issue.path).toBe('projections[0].delays');
    expect(issue.message).toContain('unknown field');
  });

  it('rejects a wrong apiVersion', () => {
    expect(firstIssue(withField(['apiVersion'], 'livenet/v2')).message).toContain('livenet/v1');
  });

  it('turns a throwing getter into an issue', () => {
    const input = pairDemoInput();
    Object.defineProperty(input, 'dtMs', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const error = specErrorOf(() => parseSpec(input));
    expect(error).toBeInstanceOf(SpecError);
    expect(error.issues[0]!.message).toContain('boom');
  });
});
