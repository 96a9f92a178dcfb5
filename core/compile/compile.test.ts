import { describe, expect, it } from 'vitest';

import { CompileError, SpecError } from '../errors';
import { parseSpec } from '../spec/parse';
import { changed, pairDemoInput, thrownBy } from '../spec/test-support';
import { compile } from './compile';
import { DEFAULT_SERVICE_LIMITS, enforceRunTicks, enforceSpecBytes, resolveLimits } from './limits';

const pairDemo = () => parseSpec(pairDemoInput());

function compileErrorOf(run: () => unknown): CompileError {
  const error = thrownBy(run);
  if (error instanceof CompileError) return error;
  throw new Error(`expected a CompileError, got ${String(error)}`);
}

describe('compile program', () => {
  const program = compile(
    parseSpec(
      changed(
        pairDemoInput(),
        [['projections', 0, 'delay'], 4],
        [
          ['populations', 2],
          { name: 'extra', size: 3, neuron: { model: 'lif', registers: { du: 1, dv: 2, vth: 3 } } },
        ],
      ),
    ),
    { seed: 7 },
  );

  it('numbers neurons globally', () => {
    expect(program.populations.map((p) => [p.offset, p.size])).toEqual([
      [0, 2],
      [2, 1],
      [3, 3],
    ]);
    expect(program.neuronCount).toBe(6);
    expect(program.coreOfNeuron).toHaveLength(6);
  });

  it('records delay and seed', () => {
    expect(program.maxDelayTicks).toBe(4);
    expect(program.projections[0]!.delayTicks).toBe(4);
    expect(program.seed).toBe(7);
    expect(program.mode).toBe('fixed');
  });

  it('gives inputs no model', () => {
    expect(program.populations[0]!.model).toBeNull();
    expect(program.populations[0]!.kind).toBe('input');
    expect(program.populations[2]!.model).toBe('lif');
  });

  it('keeps the learning rule', () => {
    expect(program.projections[0]!.learning?.rule).toBe('stdp');
  });

  it('defaults to seed 0', () => {
    expect(compile(pairDemo()).seed).toBe(0);
  });

  it('stores float weights in float mode', () => {
    const weights = compile(pairDemo(), { mode: 'float' }).projections[0]!.weights;
    expect(weights).toBeInstanceOf(Float64Array);
    expect(Array.from(weights)).toEqual([5, 3]);
  });
});

describe('compile checks', () => {
  it('rejects delay 63 in a hand-built spec', () => {
    const spec = pairDemo();
    spec.projections[0]!.delay = 63;
    const error = thrownBy(() => compile(spec));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toContain('projections[0].delay');
    expect((error as SpecError).message).toContain('0..62');
  });

  it('rejects real weights replayed fixed', () => {
    const spec = parseSpec(
      changed(
        pairDemoInput(),
        [['chip', 'mode'], 'float'],
        [['projections', 0, 'weights'], { values: [[0.5], [3]] }],
      ),
    );
    const error = thrownBy(() => compile(spec, { mode: 'fixed' }));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).issues[0]!.path).toBe('projections[0].weights.values[0][0]');
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('rejects seed %d', (seed) => {
    const error = compileErrorOf(() => compile(pairDemo(), { seed }));
    expect(error.code).toBe('invalid-option');
    expect(error.message).toContain('seed');
  });

  it('rejects an unknown mode', () => {
    const error = compileErrorOf(() => compile(pairDemo(), { mode: 'double' as 'float' }));
    expect(error.code).toBe('invalid-option');
    expect(error.message).toContain("'fixed' or 'float'");
  });

  it('rejects a non-object spec', () => {
    expect(thrownBy(() => compile(null as unknown as ReturnType<typeof pairDemo>))).toBeInstanceOf(SpecError);
  });

  it('rejects a zero limit', () => {
    const error = compileErrorOf(() => compile(pairDemo(), { limits: { maxNeurons: 0 } }));
    expect(error.code).toBe('invalid-option');
    expect(error.message).toContain('limits.maxNeurons');
  });
});

describe('service limits', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_SERVICE_LIMITS).toEqual({
      maxNeurons: 1_000_000,
      maxSynapses: 20_000_000,
      maxTicksPerRun: 10_000_000,
      maxSpecBytes: 8 * 1024 * 1024,
      maxChips: 32,
    });
  });

  it('rejects too many neurons', () => {
    const error = compileErrorOf(() => compile(pairDemo(), { limits: { maxNeurons: 2 } }));
    expect(error.code).toBe('limit-exceeded');
    expect(error.details).toEqual({ limit: 'maxNeurons', allowed: 2, needed: 3 });
    expect(error.message).toContain('needs 3 neurons');
    expect(error.message).toContain('raise limits.maxNeurons');
  });

  it('rejects too many synapses before allocating', () => {
    // A dense 100,000 x 100,000 block would need 10^10 synapses.
    const spec = parseSpec(
      changed(
        pairDemoInput(),
        [['populations', 0, 'size'], 100_000],
        [['populations', 1, 'size'], 100_000],
        [['projections', 0, 'weights'], { init: 'constant', value: 1 }],
        [['stimulus'], []],
      ),
    );
    const error = compileErrorOf(() => compile(spec));
    expect(error.details).toEqual({ limit: 'maxSynapses', allowed: 20_000_000, needed: 10_000_000_000 });
  });

  it('stops sparse draws at the limit', () => {
    // 100 x 100 at p = 0.5 expects 5,000 synapses; with the limit at 5,000 a draw may pass it.
    const spec = parseSpec(
      changed(
        pairDemoInput(),
        [['populations', 0, 'size'], 100],
        [['populations', 1, 'size'], 100],
        [['projections', 0, 'connectivity'], { kind: 'sparse', p: 0.5 }],
        [['projections', 0, 'weights'], { init: 'constant', value: 1 }],
        [['stimulus'], []],
      ),
    );
    // The drawn count is Binomial(10000, 0.5): above 5,000 for about half of the seeds.
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const error = thrownBy(() => compile(spec, { seed, limits: { maxSynapses: 5000 } }));
      if (error === undefined) {
        outcomes.add('compiled');
        continue;
      }
      expect(error).toBeInstanceOf(CompileError);
      expect((error as CompileError).details.limit).toBe('maxSynapses');
      expect((error as CompileError).details.needed).toBeGreaterThan(5000);
      outcomes.add('rejected');
    }
    expect([...outcomes].sort()).toEqual(['compiled', 'rejected']);
  });

  it('rejects a spec above maxSpecBytes', () => {
    const error = compileErrorOf(() => compile(pairDemo(), { limits: { maxSpecBytes: 100 } }));
    expect(error.details.limit).toBe('maxSpecBytes');
    expect(error.message).toContain('the spec needs');
  });

  it('checks run ticks', () => {
    const limits = resolveLimits({ maxTicksPerRun: 1000 });
    expect(() => enforceRunTicks(limits, 1000)).not.toThrow();
    const error = compileErrorOf(() => enforceRunTicks(limits, 1001));
    expect(error.message).toBe(
      "the run needs 1,001 ticks, above the service limit maxTicksPerRun = 1,000; raise limits.maxTicksPerRun (a compile option, or the server's limit setting)",
    );
  });

  it('checks spec bytes', () => {
    expect(() => enforceSpecBytes(resolveLimits(), 8 * 1024 * 1024)).not.toThrow();
    expect(compileErrorOf(() => enforceSpecBytes(resolveLimits(), 8 * 1024 * 1024 + 1)).code).toBe(
      'limit-exceeded',
    );
  });
});
