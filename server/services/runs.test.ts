/**
 * Creating runs and checking specs through the API: sources (JSON, YAML, notebook cells), every
 * validation failure with its path, the tick limit, the quota of active runs, and injections.
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';

const MAX_ACTIVE = 2;
const MAX_TICKS = 1_000;
const server = useServerFixture({
  LIVENET_MAX_ACTIVE_RUNS_PER_USER: String(MAX_ACTIVE),
  LIVENET_MAX_TICKS_PER_RUN: String(MAX_TICKS),
});

const jsonSource = (value: unknown) => ({ kind: 'spec' as const, spec: { format: 'json' as const, value } });

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function issuesOf(error: TRPCError): { path: string; line?: number }[] {
  const cause = error.cause as { issues?: { path: string; line?: number }[] } | undefined;
  return cause?.issues ?? [];
}

describe('spec.validate', () => {
  it('valid spec returns placement report', async () => {
    const user = await server.createUser();

    const result = await server
      .caller(user.id)
      .spec.validate({ source: { format: 'json', value: TINY_SPEC } });

    expect(result.valid).toBe(true);
    expect(result.valid ? result.placement : null).toBeTruthy();
  });

  it('invalid field is reported with its path', async () => {
    const user = await server.createUser();

    const result = await server
      .caller(user.id)
      .spec.validate({ source: { format: 'json', value: { ...(TINY_SPEC as object), dtMs: -1 } } });

    expect(result.valid).toBe(false);
    expect(!result.valid && result.issues.map((issue) => issue.path)).toContain('dtMs');
  });

  it('YAML issue carries its line', async () => {
    const user = await server.createUser();
    const yaml = stringify({ ...(TINY_SPEC as object), dtMs: -1 });
    const dtLine = yaml.split('\n').findIndex((line) => line.startsWith('dtMs:')) + 1;

    const result = await server.caller(user.id).spec.validate({ source: { format: 'yaml', text: yaml } });

    expect(!result.valid && result.issues.find((issue) => issue.path === 'dtMs')?.line).toBe(dtLine);
  });
});

describe('runs.create', () => {
  it('stores spec, hash, seed and core version', async () => {
    const user = await server.createUser();

    const created = await server
      .caller(user.id)
      .runs.create({ source: jsonSource(TINY_SPEC), seed: 11, ticks: 30, mode: 'float' });
    const run = await server.caller(user.id).runs.get({ runId: created.id });

    expect(run.seed).toBe(11);
    expect(run.mode).toBe('float');
    expect(run.totalTicks).toBe(30);
    expect(run.specHash).toMatch(/^[0-9a-f]{64}$/);
    expect((run.spec as { name: string }).name).toBe('pair-demo');
    expect(run.coreVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('same spec gives same hash', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);

    const first = await api.runs.create({ source: jsonSource(TINY_SPEC), seed: 1, ticks: 10 });
    const second = await api.runs.create({
      source: { kind: 'spec', spec: { format: 'yaml', text: stringify(TINY_SPEC) } },
      seed: 2,
      ticks: 10,
    });

    expect(second.specHash).toBe(first.specHash);
  });

  it('starts from a notebook spec cell', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const notebook = await api.notebooks.create({
      title: 'N',
      cells: [{ id: 'net', type: 'spec', source: stringify(TINY_SPEC) }],
    });

    const run = await api.runs.create({
      source: { kind: 'cell', notebookId: notebook.id, cellId: 'net' },
      ticks: 10,
    });

    expect(run.notebookId).toBe(notebook.id);
    expect(run.cellId).toBe('net');
  });

  it('markdown cell is a bad request', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const notebook = await api.notebooks.create({
      title: 'N',
      cells: [{ id: 'text', type: 'markdown', source: '# x' }],
    });

    const error = await errorOf(
      api.runs.create({ source: { kind: 'cell', notebookId: notebook.id, cellId: 'text' }, ticks: 10 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(issuesOf(error).map((issue) => issue.path)).toEqual(['source.cellId']);
  });

  it('invalid spec names the path', async () => {
    const user = await server.createUser();

    const error = await errorOf(
      server
        .caller(user.id)
        .runs.create({ source: jsonSource({ ...(TINY_SPEC as object), dtMs: -1 }), ticks: 10 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(issuesOf(error).map((issue) => issue.path)).toContain('dtMs');
  });

  it('network that does not fit is rejected', async () => {
    // One neuron with a dense fan-in of 26,215 needs more than a core's 128 KiB of synaptic memory.
    const user = await server.createUser();
    const spec = {
      apiVersion: 'livenet/v1',
      name: 'too-wide',
      dtMs: 1,
      populations: [
        { name: 'wide', size: 26_215, kind: 'input' },
        { name: 'out', size: 1, neuron: { model: 'lif', registers: { du: 0, dv: 0, vth: 1 } } },
      ],
      projections: [
        {
          name: 'all',
          from: 'wide',
          to: 'out',
          connectivity: { kind: 'dense' },
          weights: { init: 'constant', value: 1 },
        },
      ],
    };

    const error = await errorOf(server.caller(user.id).runs.create({ source: jsonSource(spec), ticks: 10 }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('"out"');
    expect(await server.caller(user.id).runs.list({})).toMatchObject({ runs: [] });
  });

  it('ticks above the limit are rejected', async () => {
    const user = await server.createUser();

    const error = await errorOf(
      server.caller(user.id).runs.create({ source: jsonSource(TINY_SPEC), ticks: MAX_TICKS + 1 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(`limit of ${MAX_TICKS}`);
  });

  it('run without data or ticks is rejected', async () => {
    const user = await server.createUser();

    const error = await errorOf(server.caller(user.id).runs.create({ source: jsonSource(TINY_SPEC) }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(issuesOf(error).map((issue) => issue.path)).toEqual(['ticks']);
  });

  it('active runs are limited per user', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);

    const results = await Promise.allSettled(
      Array.from({ length: MAX_ACTIVE + 3 }, () =>
        api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 }),
      ),
    );
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [(result.reason as TRPCError).code] : [],
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(MAX_ACTIVE);
    expect(refused).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('cancelled run frees a slot', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const runs = [];
    for (let i = 0; i < MAX_ACTIVE; i++)
      runs.push(await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 }));

    await api.runs.cancel({ runId: runs[0]?.id ?? '' });

    expect((await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 })).status).toBe('queued');
  });
});

describe('runs.list', () => {
  it('pages newest first', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const first = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });
    const second = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });

    const page1 = await api.runs.list({ limit: 1 });
    const page2 = await api.runs.list({ limit: 1, cursor: page1.nextCursor ?? undefined });

    expect(page1.runs.map((run) => run.id)).toEqual([second.id]);
    expect(page2.runs.map((run) => run.id)).toEqual([first.id]);
    expect(page2.nextCursor).toBeNull();
  });
});

describe('injections', () => {
  it('reward is recorded as pending event', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });

    const first = await api.runs.injectReward({ runId: run.id, value: 0.5 });
    const second = await api.runs.injectReward({ runId: run.id, value: -1 });
    const events = await server.deps.db.runEvent.findMany({
      where: { runId: run.id },
      orderBy: { seq: 'asc' },
    });

    expect([first.seq, second.seq]).toEqual([0, 1]);
    expect(events.map((event) => [event.kind, event.data, event.appliedTick])).toEqual([
      ['inject.reward', { value: 0.5 }, null],
      ['inject.reward', { value: -1 }, null],
    ]);
  });

  it('stimulus into a non-input population is rejected', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });

    const error = await errorOf(
      api.runs.injectStimulus({ runId: run.id, population: 'out', spikes: [[0, 0]] }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('not an input population');
  });

  it('stimulus neuron out of range is rejected', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });

    const error = await errorOf(
      api.runs.injectStimulus({ runId: run.id, population: 'in', spikes: [[0, 2]] }),
    );

    expect(issuesOf(error).map((issue) => issue.path)).toEqual(['spikes[0][1]']);
  });

  it('finished run refuses injections', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });
    await api.runs.cancel({ runId: run.id });

    expect((await errorOf(api.runs.injectReward({ runId: run.id, value: 1 }))).code).toBe('CONFLICT');
  });
});
