/**
 * Blob store failures during a run, and the removal of a deleted run's blobs. A Snapshot row
 * must never point at a missing or different blob, whatever the store does.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FilesystemBlobStore } from '../server/blob/fs-store';
import type { BlobStore } from '../server/blob';
import { useServerFixture } from '../test/server-fixture';
import { TINY_SPEC } from '../test/tiny-spec';
import { executeRun } from './execute-run';

const server = useServerFixture(
  { LIVENET_CHUNK_TICKS: '10', LIVENET_CHECKPOINT_EVERY_TICKS: '20' },
  { isolated: true },
);
let scratch = '';

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'livenet-blob-faults-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

/** A filesystem store whose writes fail with `code` while `shouldFail(writeNumber)` is true. */
function faultyStore(name: string, code: string, shouldFail: (write: number) => boolean) {
  let writes = 0;
  const store = new FilesystemBlobStore({
    rootDir: path.join(scratch, name),
    retry: { attempts: 4, baseDelayMs: 1 },
    writeFile: async (filePath, bytes) => {
      writes++;
      if (shouldFail(writes)) throw fsError(code);
      await writeFile(filePath, bytes);
    },
  });
  return { store, writes: () => writes };
}

async function createTinyRun(ticks: number) {
  const user = await server.createUser();
  const api = server.caller(user.id);
  const run = await api.runs.create({
    source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
    seed: 7,
    ticks,
  });
  return { user, api, run };
}

/** Checks every Snapshot row of the run against the bytes in the store. */
async function snapshotsMatchBlobs(store: BlobStore, runId: string) {
  const rows = await server.deps.db.snapshot.findMany({ where: { runId } });
  const results = await Promise.all(
    rows.map(async (row) => {
      const bytes = await store.get(row.blobKey);
      return bytes !== null && createHash('sha256').update(bytes).digest('hex') === row.sha256;
    }),
  );
  return { rows: rows.length, matching: results.filter(Boolean).length };
}

describe('blob faults', () => {
  it('transient write failures are retried', async () => {
    // Every other write attempt fails with EIO: each blob needs a second attempt.
    const { store, writes } = faultyStore('transient', 'EIO', (write) => write % 2 === 1);
    const { run } = await createTinyRun(50);

    const result = await executeRun({ db: server.deps.db, blobs: store, log: server.deps.log }, run.id, {
      lastAttempt: true,
    });

    // Checkpoints at 20 and 40 and the final snapshot at 50: three blobs, two attempts each.
    expect(result).toBe('succeeded');
    expect(writes()).toBe(6);
    expect(await snapshotsMatchBlobs(store, run.id)).toEqual({ rows: 3, matching: 3 });
  });

  it('failed write leaves no snapshot row', async () => {
    const { store } = faultyStore('permanent', 'EACCES', () => true);
    const { run } = await createTinyRun(50);

    const result = await executeRun({ db: server.deps.db, blobs: store, log: server.deps.log }, run.id, {
      lastAttempt: true,
    });
    const finished = await server.deps.db.run.findUniqueOrThrow({ where: { id: run.id } });

    expect(result).toBe('failed');
    expect(finished.error).toContain('EACCES');
    expect(await server.deps.db.snapshot.count({ where: { runId: run.id } })).toBe(0);
  });

  it('exhausted retries leave no snapshot row', async () => {
    const { store, writes } = faultyStore('exhausted', 'EIO', () => true);
    const { run } = await createTinyRun(50);

    const result = await executeRun({ db: server.deps.db, blobs: store, log: server.deps.log }, run.id, {
      lastAttempt: true,
    });

    // The store tries 4 times, then the run fails at its first checkpoint.
    expect(result).toBe('failed');
    expect(writes()).toBe(4);
    expect(await server.deps.db.snapshot.count({ where: { runId: run.id } })).toBe(0);
  });
});

describe('run deletion', () => {
  async function finishedRun() {
    const created = await createTinyRun(50);
    const deps = { db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log };
    await executeRun(deps, created.run.id, { lastAttempt: true });
    const keys = (await server.deps.db.snapshot.findMany({ where: { runId: created.run.id } })).map(
      (row) => row.blobKey,
    );
    return { ...created, keys };
  }

  it('removes rows and blobs', async () => {
    const { api, run, keys } = await finishedRun();

    await api.runs.delete({ runId: run.id });
    const present = await Promise.all(keys.map((key) => server.deps.blobs.exists(key)));

    expect(keys).toHaveLength(3);
    expect(present).toEqual([false, false, false]);
    expect(await server.deps.db.run.count({ where: { id: run.id } })).toBe(0);
    expect(await server.deps.db.snapshot.count({ where: { runId: run.id } })).toBe(0);
    expect(await server.deps.db.runSeries.count({ where: { runId: run.id } })).toBe(0);
  });

  it('another user gets not found', async () => {
    const { run, keys } = await finishedRun();
    const other = await server.createUser();

    const error = await server
      .caller(other.id)
      .runs.delete({ runId: run.id })
      .catch((caught: unknown) => caught);
    const present = await Promise.all(keys.map((key) => server.deps.blobs.exists(key)));

    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect(present).toEqual([true, true, true]);
  });

  it('active run is a conflict', async () => {
    const { api, run } = await createTinyRun(50);

    const error = await api.runs.delete({ runId: run.id }).catch((caught: unknown) => caught);

    expect((error as TRPCError).code).toBe('CONFLICT');
    expect(await server.deps.db.run.count({ where: { id: run.id } })).toBe(1);
  });

  it('anonymous caller is unauthorized', async () => {
    const { run } = await createTinyRun(50);

    const error = await server
      .caller(null)
      .runs.delete({ runId: run.id })
      .catch((caught: unknown) => caught);

    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
