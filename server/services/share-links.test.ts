import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';

const server = useServerFixture();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

async function ownerWithRun() {
  const owner = await server.createUser();
  const api = server.caller(owner.id);
  const run = await api.runs.create({
    source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
    seed: 3,
    ticks: 20,
  });
  return { api, run };
}

describe('share links', () => {
  it('token has 256 bits', async () => {
    const { api, run } = await ownerWithRun();

    const link = await api.share.create({ runId: run.id });

    // 32 bytes in base64url without padding is 43 characters.
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    expect(link.path).toBe(`/s/${link.token}`);
  });

  it('stored row holds only the hash', async () => {
    const { api, run } = await ownerWithRun();
    const link = await api.share.create({ runId: run.id });

    const row = await server.deps.db.shareLink.findUniqueOrThrow({ where: { id: link.id } });

    expect(row.tokenHash).not.toContain(link.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('anyone with the token reads the run', async () => {
    const { api, run } = await ownerWithRun();
    const { token } = await api.share.create({ runId: run.id });

    const shared = await server.caller(null).share.read({ token });

    expect(shared.id).toBe(run.id);
    expect(shared.seed).toBe(3);
    expect(Object.keys(shared)).not.toContain('notebookId');
  });

  it('revoked link is not found', async () => {
    const { api, run } = await ownerWithRun();
    const link = await api.share.create({ runId: run.id });

    const revoked = await api.share.revoke({ shareLinkId: link.id });

    expect(revoked.revokedAt).not.toBeNull();
    expect(await codeOf(server.caller(null).share.read({ token: link.token }))).toBe('NOT_FOUND');
    expect(await codeOf(server.caller(null).share.progress({ token: link.token }))).toBe('NOT_FOUND');
  });

  it('revoking one link keeps the others', async () => {
    const { api, run } = await ownerWithRun();
    const first = await api.share.create({ runId: run.id });
    const second = await api.share.create({ runId: run.id });

    await api.share.revoke({ shareLinkId: first.id });

    expect((await server.caller(null).share.read({ token: second.token })).id).toBe(run.id);
  });

  it('unknown token is not found', async () => {
    const token = Buffer.alloc(32, 7).toString('base64url');

    expect(await codeOf(server.caller(null).share.read({ token }))).toBe('NOT_FOUND');
  });

  it('malformed token is a bad request', async () => {
    expect(await codeOf(server.caller(null).share.read({ token: 'short' }))).toBe('BAD_REQUEST');
  });
});
