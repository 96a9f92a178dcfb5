/**
 * Runs executed on a pool of one thread. The reference for a reused thread is the same run on a
 * thread of its own and the core run in one piece, in-process.
 */
import { createHash } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import { useServerFixture } from '../test/server-fixture';
import { TINY_SPEC } from '../test/tiny-spec';
import { type ExecuteRunDeps, executeRun } from './execute-run';
import type { RunThread } from './thread/run-thread-client';
import { RunThreadPool, type RunThreadSource, freshThreads } from './thread/run-thread-pool';

const server = useServerFixture({ LIVENET_CHUNK_TICKS: '10', LIVENET_CHECKPOINT_EVERY_TICKS: '20' });

let pool: RunThreadPool | null = null;

afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** Wraps a thread source and records every thread it hands out, in order. */
function recording(source: RunThreadSource): { source: RunThreadSource; acquired: RunThread[] } {
  const acquired: RunThread[] = [];
  return {
    acquired,
    source: {
      acquire: async () => {
        const result = await source.acquire();
        acquired.push(result.thread);
        return result;
      },
      release: (thread, reusable) => source.release(thread, reusable),
    },
  };
}

function workerDeps(threads: RunThreadSource): ExecuteRunDeps {
  return { db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log, threads };
}

async function createTinyRun(options: { seed: number; ticks: number; mode?: 'fixed' | 'float' }) {
  const user = await server.createUser();
  return server.caller(user.id).runs.create({
    source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
    ...options,
  });
}

async function chunksOf(runId: string) {
  const rows = await server.deps.db.runSeries.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ seq: row.seq, tick: row.tick, data: row.data }));
}

async function finalSha256(runId: string) {
  const snapshot = await server.deps.db.snapshot.findFirst({ where: { runId, kind: 'final' } });
  return snapshot?.sha256;
}

function referenceSha256(seed: number, ticks: number): string {
  const session = RunSession.create(parseSpec(TINY_SPEC), { seed, ticks });
  while (!session.done) session.advance(10);
  return createHash('sha256').update(session.checkpoint()).digest('hex');
}

describe('run thread pool', () => {
  it('reused thread matches fresh thread', async () => {
    pool = new RunThreadPool(1, server.deps.log);
    const pooled = recording(pool);

    // A run in the other numeric mode leaves the thread behind a different session first.
    const first = await createTinyRun({ seed: 3, ticks: 40, mode: 'float' });
    const onReused = await createTinyRun({ seed: 7, ticks: 50 });
    const onFresh = await createTinyRun({ seed: 7, ticks: 50 });
    expect(await executeRun(workerDeps(pooled.source), first.id, { lastAttempt: true })).toBe('succeeded');
    expect(await executeRun(workerDeps(pooled.source), onReused.id, { lastAttempt: true })).toBe('succeeded');
    expect(await executeRun(workerDeps(freshThreads), onFresh.id, { lastAttempt: true })).toBe('succeeded');

    expect(pooled.acquired).toHaveLength(2);
    expect(pooled.acquired[1]).toBe(pooled.acquired[0]);
    const reusedChunks = await chunksOf(onReused.id);
    expect(reusedChunks.map((chunk) => chunk.tick)).toEqual([10, 20, 30, 40, 50]);
    expect(reusedChunks).toEqual(await chunksOf(onFresh.id));
    expect(await finalSha256(onReused.id)).toBe(referenceSha256(7, 50));
    expect(await finalSha256(onFresh.id)).toBe(referenceSha256(7, 50));
  });

  it('failed run thread is replaced', async () => {
    pool = new RunThreadPool(1, server.deps.log);
    const pooled = recording(pool);
    const broken = await createTinyRun({ seed: 7, ticks: 50 });
    await server.deps.db.run.update({
      where: { id: broken.id },
      data: { spec: { apiVersion: 'livenet/v0' } },
    });
    const next = await createTinyRun({ seed: 7, ticks: 50 });

    expect(await executeRun(workerDeps(pooled.source), broken.id, { lastAttempt: true })).toBe('failed');
    expect(await executeRun(workerDeps(pooled.source), next.id, { lastAttempt: true })).toBe('succeeded');

    expect(pooled.acquired).toHaveLength(2);
    expect(pooled.acquired[1]).not.toBe(pooled.acquired[0]);
    expect(pooled.acquired[0]?.usable).toBe(false);
    expect(await finalSha256(next.id)).toBe(referenceSha256(7, 50));
  });

  it('pool size must be positive', () => {
    expect(() => new RunThreadPool(0, server.deps.log)).toThrow(/at least 1, got 0/);
  });
});
