/**
 * Per-user and per-run limits: each refusal is a 4xx error whose message names the limit and
 * the value that exceeded it.
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';

const server = useServerFixture({
  LIVENET_MAX_ACTIVE_RUNS_PER_USER: '2',
  LIVENET_MAX_TICKS_PER_RUN: '500',
  LIVENET_MAX_SPEC_BYTES: '4000',
  LIVENET_MAX_NEURONS_PER_RUN: '100',
  LIVENET_MAX_SYNAPSES_PER_RUN: '1000',
  LIVENET_MAX_NOTEBOOK_BYTES: '5000',
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

/** Two populations joined by one plastic-free projection with uniform random weights. */
function network(inSize: number, outSize: number, connectivity: Record<string, unknown>) {
  return {
    apiVersion: 'livenet/v1',
    name: 'limits',
    chip: { profile: 'loihi2-like', mode: 'fixed' },
    dtMs: 1,
    populations: [
      { name: 'in', size: inSize, kind: 'input' },
      {
        name: 'out',
        size: outSize,
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
        connectivity,
        weights: { init: 'uniform', low: 0, high: 5 },
        wExp: 0,
        delay: 0,
      },
    ],
  };
}

describe('run limits', () => {
  it('neurons over the limit', async () => {
    const user = await server.createUser();
    // 2 + 99 = 101 neurons, one more than allowed.
    const error = await errorOf(
      server
        .caller(user.id)
        .runs.create({ source: jsonSource(network(2, 99, { kind: 'dense' })), ticks: 10 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('101 neurons');
    expect(error.message).toContain('limit of 100');
  });

  it('dense synapses over the limit', async () => {
    const user = await server.createUser();
    // 40 x 30 = 1,200 synapses on 70 neurons.
    const error = await errorOf(
      server
        .caller(user.id)
        .runs.create({ source: jsonSource(network(40, 30, { kind: 'dense' })), ticks: 10 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('1200 synapses');
    expect(error.message).toContain('limit of 1000');
  });

  it('sparse synapses counted by expectation', async () => {
    const user = await server.createUser();
    // ceil(0.45 x 40 x 60) = 1,080 expected synapses on 100 neurons.
    const error = await errorOf(
      server.caller(user.id).runs.create({
        source: jsonSource(network(40, 60, { kind: 'sparse', p: 0.45 })),
        ticks: 10,
      }),
    );

    expect(error.message).toContain('1080 synapses');
  });

  it('network at the limits is accepted', async () => {
    const user = await server.createUser();
    // 40 + 25 = 65 neurons and 40 x 25 = 1,000 synapses: exactly the synapse limit.
    const run = await server
      .caller(user.id)
      .runs.create({ source: jsonSource(network(40, 25, { kind: 'dense' })), ticks: 10 });

    expect(run.status).toBe('queued');
  });

  it('spec validate applies the same limits', async () => {
    const user = await server.createUser();
    const result = await server
      .caller(user.id)
      .spec.validate({ source: { format: 'json', value: network(2, 99, { kind: 'dense' }) }, seed: 1 });

    expect(result.valid).toBe(false);
    expect(result.valid ? '' : result.message).toContain('101 neurons');
  });

  it('ticks over the limit', async () => {
    const user = await server.createUser();
    const error = await errorOf(
      server.caller(user.id).runs.create({ source: jsonSource(TINY_SPEC), ticks: 501 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('501 ticks');
    expect(error.message).toContain('limit of 500');
  });

  it('spec bytes over the limit', async () => {
    const user = await server.createUser();
    const padded = { ...(TINY_SPEC as Record<string, unknown>), name: 'x'.repeat(4000) };
    const bytes = Buffer.byteLength(JSON.stringify(padded));

    const error = await errorOf(
      server.caller(user.id).runs.create({ source: jsonSource(padded), ticks: 10 }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(`${bytes} bytes`);
    expect(error.message).toContain('limit of 4000');
  });

  it('active runs name their limit', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });
    await api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 });

    const error = await errorOf(api.runs.create({ source: jsonSource(TINY_SPEC), ticks: 10 }));

    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.message).toContain('2 runs queued or running');
    expect(error.message).toContain('limit is 2');
  });
});

describe('notebook limit', () => {
  const bigCell = { id: 'a', type: 'markdown' as const, source: 'x'.repeat(5000) };

  it('create over the limit', async () => {
    const user = await server.createUser();
    const error = await errorOf(server.caller(user.id).notebooks.create({ title: 'big', cells: [bigCell] }));

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('limit of 5000');
  });

  it('save over the limit keeps old cells', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const notebook = await api.notebooks.create({ title: 'small', cells: [] });

    const error = await errorOf(
      api.notebooks.saveCells({ notebookId: notebook.id, baseVersion: notebook.version, cells: [bigCell] }),
    );
    const stored = await api.notebooks.get({ notebookId: notebook.id });

    expect(error.code).toBe('BAD_REQUEST');
    expect(stored.cells).toEqual([]);
  });
});
