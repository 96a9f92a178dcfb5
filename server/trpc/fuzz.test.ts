/**
 * Random and malformed input to every procedure: broken YAML, NaN, huge numbers, deep nesting and
 * odd Unicode. Each call must succeed or fail with a TRPCError whose code is a 4xx one; an
 * INTERNAL_SERVER_ERROR, a plain Error or a crash fails the test. The job handler gets random
 * payloads too and must drop them without throwing.
 */
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import type { JobHelpers } from 'graphile-worker';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

import { RUN_EXECUTE_JOB } from '../queue/jobs';
import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';
import { createTaskList } from '../../workers/tasks';
import { appRouter } from './router';

const server = useServerFixture({ LIVENET_MAX_ACTIVE_RUNS_PER_USER: '3' }, { isolated: true });

let userId = '';

beforeAll(async () => {
  userId = (await server.createUser('Fuzzer')).id;
});

/** Calls `path` on the router and returns the HTTP status the failure maps to, or 200. */
async function statusOf(path: string, input: unknown): Promise<number> {
  const api = server.caller(userId) as unknown as Record<
    string,
    Record<string, (input: unknown) => Promise<unknown>>
  >;
  const [area = '', name = ''] = path.split('.');
  const procedure = api[area]?.[name];
  if (!procedure) throw new Error(`no procedure ${path}`);

  try {
    await procedure(input);
    return 200;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return getHTTPStatusCodeFromError(error);
  }
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const oddStrings = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\u0000',
    '\uD800',
    '\u202E',
    'e\u0301',
    '\uFEFF',
    '👩‍👩‍👧',
    '../../etc/passwd',
    '__proto__',
    'constructor',
  ),
);

const weirdValues: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.5),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  oddStrings,
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(nested(50), nested(2_000)),
  fc.array(fc.integer(), { maxLength: 50 }),
  fc.anything({ maxDepth: 3 }),
);

/** Every JSON path of a value, as lists of keys. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => pathsOf(item, [...prefix, i]))];
  if (value !== null && typeof value === 'object')
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return [prefix];
}

/** Returns a copy of `value` with the node at `path` replaced. */
function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

const SPEC_PATHS = pathsOf(TINY_SPEC);
const mutatedSpec = fc
  .tuple(fc.nat(), weirdValues)
  .map(([index, replacement]) =>
    replaceAt(TINY_SPEC, SPEC_PATHS[index % SPEC_PATHS.length] ?? [], replacement),
  );

const brokenYaml = fc.oneof(
  oddStrings,
  fc.tuple(fc.nat(), fc.nat(), oddStrings).map(([at, cut, insert]) => {
    const text = stringify(TINY_SPEC);
    const start = at % text.length;
    return text.slice(0, start) + insert + text.slice(start + (cut % 20));
  }),
  fc.constantFrom('a: &x [*x]', '{', '- - - -', 'dtMs: !!binary AAAA', '['.repeat(1_000), 'a: 1\na: 2'),
);

const FOUR_XX = (status: number) => status >= 400 && status < 500;
const OK_OR_4XX = (status: number) => status === 200 || FOUR_XX(status);

describe('fuzzed inputs', () => {
  it('every procedure rejects garbage with 4xx', async () => {
    const procedures = Object.keys(appRouter._def.procedures);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...procedures),
        fc.oneof(weirdValues, fc.object()),
        async (path, input) => {
          expect(OK_OR_4XX(await statusOf(path, input))).toBe(true);
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('id fields take odd strings', async () => {
    const idFields: [string, string][] = [
      ['runs.get', 'runId'],
      ['runs.cancel', 'runId'],
      ['runs.delete', 'runId'],
      ['notebooks.get', 'notebookId'],
      ['snapshots.fork', 'snapshotId'],
      ['share.read', 'token'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...idFields), oddStrings, async ([path, field], id) => {
        expect(OK_OR_4XX(await statusOf(path, { [field]: id }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('spec validate survives broken YAML', async () => {
    await fc.assert(
      fc.asyncProperty(brokenYaml, async (text) => {
        expect(OK_OR_4XX(await statusOf('spec.validate', { source: { format: 'yaml', text } }))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('spec validate survives mutated JSON', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSpec, async (value) => {
        expect(OK_OR_4XX(await statusOf('spec.validate', { source: { format: 'json', value } }))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('run create survives mutated specs', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutatedSpec,
        fc.oneof(weirdValues, fc.integer({ min: 1, max: 50 })),
        async (value, ticks) => {
          const status = await statusOf('runs.create', {
            source: { kind: 'spec', spec: { format: 'json', value } },
            ticks,
          });
          expect(OK_OR_4XX(status)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('job handler drops bad payloads', async () => {
    const task = createTaskList({ db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log })[
      RUN_EXECUTE_JOB
    ];
    if (!task) throw new Error(`task ${RUN_EXECUTE_JOB} is missing`);
    const helpers = {
      job: { id: '1', attempts: 1, max_attempts: 3 },
      abortSignal: undefined,
      addJob: () => Promise.reject(new Error('no job may be added')),
    } as unknown as JobHelpers;

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(weirdValues, fc.record({ runId: fc.oneof(oddStrings, fc.uuid()) })),
        async (payload) => {
          await expect(Promise.resolve(task(payload as never, helpers))).resolves.toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
