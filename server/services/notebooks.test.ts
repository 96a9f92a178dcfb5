import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';

const server = useServerFixture();

const markdown = (id: string, source: string) => ({ id, type: 'markdown' as const, source });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

describe('notebooks', () => {
  it('create then get round-trips cells', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);

    const created = await api.notebooks.create({ title: 'Lab 1', cells: [markdown('a', '# hi')] });
    const read = await api.notebooks.get({ notebookId: created.id });

    expect(read.title).toBe('Lab 1');
    expect(read.version).toBe(1);
    expect(read.cells).toEqual([markdown('a', '# hi')]);
  });

  it('list holds only own notebooks', async () => {
    const alice = await server.createUser();
    const bob = await server.createUser();
    await server.caller(alice.id).notebooks.create({ title: 'A' });
    await server.caller(bob.id).notebooks.create({ title: 'B' });

    const titles = (await server.caller(alice.id).notebooks.list()).map((n) => n.title);

    expect(titles).toEqual(['A']);
  });

  it('save with current version increments it', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });

    const saved = await api.notebooks.saveCells({
      notebookId: id,
      baseVersion: 1,
      cells: [markdown('x', 'one')],
    });

    expect(saved.version).toBe(2);
    expect((await api.notebooks.get({ notebookId: id })).cells).toEqual([markdown('x', 'one')]);
  });

  it('save with stale version conflicts', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });
    await api.notebooks.saveCells({ notebookId: id, baseVersion: 1, cells: [markdown('x', 'first')] });

    const code = await codeOf(
      api.notebooks.saveCells({ notebookId: id, baseVersion: 1, cells: [markdown('x', 'second')] }),
    );

    expect(code).toBe('CONFLICT');
    expect((await api.notebooks.get({ notebookId: id })).cells).toEqual([markdown('x', 'first')]);
  });

  it('concurrent saves at one version: one wins', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'N' });

    const codes = await Promise.all(
      ['p', 'q', 'r'].map((source) =>
        codeOf(api.notebooks.saveCells({ notebookId: id, baseVersion: 1, cells: [markdown('x', source)] })),
      ),
    );

    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(2);
    expect((await api.notebooks.get({ notebookId: id })).version).toBe(2);
  });

  it('duplicate cell ids are rejected', async () => {
    const user = await server.createUser();

    const code = await codeOf(
      server
        .caller(user.id)
        .notebooks.create({ title: 'N', cells: [markdown('a', '1'), markdown('a', '2')] }),
    );

    expect(code).toBe('BAD_REQUEST');
  });

  it('rename and delete change the list', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { id } = await api.notebooks.create({ title: 'Old' });

    await api.notebooks.rename({ notebookId: id, title: 'New' });
    expect((await api.notebooks.list()).map((n) => n.title)).toEqual(['New']);

    await api.notebooks.delete({ notebookId: id });
    expect(await api.notebooks.list()).toEqual([]);
  });

  it('other user gets not found everywhere', async () => {
    const owner = await server.createUser();
    const intruder = await server.createUser();
    const { id } = await server.caller(owner.id).notebooks.create({ title: 'Private' });
    const api = server.caller(intruder.id);

    expect(await codeOf(api.notebooks.get({ notebookId: id }))).toBe('NOT_FOUND');
    expect(await codeOf(api.notebooks.rename({ notebookId: id, title: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(api.notebooks.saveCells({ notebookId: id, baseVersion: 1, cells: [] }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(api.notebooks.delete({ notebookId: id }))).toBe('NOT_FOUND');
    expect((await server.caller(owner.id).notebooks.get({ notebookId: id })).title).toBe('Private');
  });

  it('anonymous caller is unauthorized', async () => {
    expect(await codeOf(server.caller(null).notebooks.list())).toBe('UNAUTHORIZED');
  });
});
