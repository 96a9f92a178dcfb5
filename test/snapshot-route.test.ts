/**
 * The snapshot download route handler, called with a plain Request: only the run's owner gets
 * the bytes (by API key here), everyone else gets the same 404 as for a snapshot that does not
 * exist, and no credentials is a 401.
 */
import { createHash, randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { API_KEY_HEADER } from '../server/auth/auth';
import type { ServerDeps } from '../server/deps';
import type * as DepsModule from '../server/deps';
import { snapshotBlobKey } from '../server/services/snapshots';
import { useServerFixture } from './server-fixture';
import { TINY_SPEC } from './tiny-spec';

const server = useServerFixture();

// The route imports through the `@/` alias of the Next.js build; vitest is pointed at the same
// modules, and at this file's dependencies instead of the process-wide ones.
vi.mock('@/server/deps', async (importOriginal) => ({
  ...(await importOriginal<typeof DepsModule>()),
  getServerDeps: (): ServerDeps => server.deps,
}));
vi.mock('@/server/errors', () => import('../server/errors'));
vi.mock('@/server/services/snapshots', () => import('../server/services/snapshots'));
vi.mock('@/server/trpc/context', () => import('../server/trpc/context'));

const { GET } = await import('../app/api/snapshots/[snapshotId]/route');

const BYTES = new Uint8Array([1, 2, 3, 4, 5]);
let snapshotId = '';
let ownerKey = '';
let strangerKey = '';

beforeAll(async () => {
  const owner = await server.createUser('Owner');
  const stranger = await server.createUser('Stranger');
  ownerKey = (await server.caller(owner.id).apiKeys.create({ name: 'owner' })).key;
  strangerKey = (await server.caller(stranger.id).apiKeys.create({ name: 'stranger' })).key;

  const run = await server.caller(owner.id).runs.create({
    source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
    ticks: 10,
  });
  const blobKey = snapshotBlobKey(run.id, 10, 'final');
  await server.deps.blobs.put(blobKey, BYTES);
  snapshotId = (
    await server.deps.db.snapshot.create({
      data: {
        runId: run.id,
        tick: 10,
        kind: 'final',
        blobKey,
        bytes: BYTES.byteLength,
        sha256: createHash('sha256').update(BYTES).digest('hex'),
      },
    })
  ).id;
});

function download(id: string, apiKey?: string) {
  const headers = new Headers(apiKey ? { [API_KEY_HEADER]: apiKey } : {});
  return GET(new Request(`http://127.0.0.1/api/snapshots/${id}`, { headers }), {
    params: Promise.resolve({ snapshotId: id }),
  });
}

describe('snapshot download route', () => {
  it('owner gets the bytes', async () => {
    const response = await download(snapshotId, ownerKey);

    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('stranger gets not found', async () => {
    expect((await download(snapshotId, strangerKey)).status).toBe(404);
  });

  it('unknown id gets not found', async () => {
    expect((await download(randomUUID(), strangerKey)).status).toBe(404);
  });

  it('anonymous gets unauthorized', async () => {
    expect((await download(snapshotId)).status).toBe(401);
  });

  it('made-up key gets unauthorized', async () => {
    expect((await download(snapshotId, 'not-a-key')).status).toBe(401);
  });

  it('malformed id is a bad request', async () => {
    expect((await download('../../etc/passwd', ownerKey)).status).toBe(400);
  });
});
