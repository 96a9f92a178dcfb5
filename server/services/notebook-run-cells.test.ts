import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';

const server = useServerFixture();

const spec = { id: 'net', type: 'spec' as const, source: 'name: n' };
const runCell = {
  id: 'run1',
  type: 'run' as const,
  specCellId: 'net',
  mode: 'float' as const,
  seed: 7,
  ticks: 500,
  split: 'test' as const,
  samples: 20,
  lastRunId: '0b7c1f7e-8f3a-4d55-9a0e-3f1c2b4d5e6f',
};

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('notebook run cells', () => {
  it('save then get keeps run cells', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });

    await api.notebooks.saveCells({ notebookId: id, baseVersion: 1, cells: [spec, runCell] });
    const read = await api.notebooks.get({ notebookId: id });

    expect(read.cells).toEqual([spec, runCell]);
  });

  it('stored document is version 2', async () => {
    const user = await server.createUser();
    const { id } = await server.caller(user.id).notebooks.create({ title: 'N', cells: [spec, runCell] });

    const row = await server.deps.db.notebook.findUniqueOrThrow({ where: { id }, select: { cells: true } });

    expect(row.cells).toEqual({ schemaVersion: 2, cells: [spec, runCell] });
  });

  it('version 1 row reads unchanged', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'Old' });
    const stored = { schemaVersion: 1, cells: [spec] };
    await server.deps.db.notebook.update({ where: { id }, data: { cells: stored } });

    const read = await api.notebooks.get({ notebookId: id });
    const row = await server.deps.db.notebook.findUniqueOrThrow({ where: { id }, select: { cells: true } });

    expect(read.cells).toEqual([spec]);
    expect(row.cells).toEqual(stored);
  });

  it('seed above limit is rejected', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });

    const error = await errorOf(
      api.notebooks.saveCells({
        notebookId: id,
        baseVersion: 1,
        cells: [spec, { ...runCell, seed: 2 ** 31 }],
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('seed');
    expect(error.message).toContain('2147483647');
  });

  it('unknown run cell field is rejected', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });

    const error = await errorOf(
      api.notebooks.saveCells({
        notebookId: id,
        baseVersion: 1,
        cells: [spec, { ...runCell, colour: 'red' } as typeof runCell],
      }),
    );

    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('colour');
  });
});
