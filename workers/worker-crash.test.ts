/**
 * A worker process killed with SIGKILL in the middle of a run. graphile-worker 0.18 releases a
 * dead worker's lock on its own only after 4 hours, and this test does not call
 * `forceUnlockWorkers`. The second worker process sees that the first one's heartbeat is older
 * than LIVENET_WORKER_STALE_AFTER_SECONDS, releases the job, takes it and resumes from the latest
 * checkpoint. The finished run must be bit-identical to the same run computed in one piece in
 * this process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import { diehlCookDocument } from '../core/templates/diehl-cook';
import { downloadSnapshot } from '../server/services/snapshots';
import { useServerFixture } from '../test/server-fixture';

const CHUNK_TICKS = 100;
const CHECKPOINT_EVERY_TICKS = 500;
const SEED = 7;
const STALE_AFTER_SECONDS = 3;

const server = useServerFixture(
  {
    LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
    LIVENET_CHECKPOINT_EVERY_TICKS: String(CHECKPOINT_EVERY_TICKS),
  },
  { isolated: true },
);

// Poisson inputs, STDP and weight normalisation: every random stream and plastic weight must
// survive the crash for the result to match.
const SPEC = diehlCookDocument({ neurons: 10, samples: 2 });

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startWorkerProcess(): ChildProcess {
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: server.databaseUrl,
      BLOB_DIR: server.deps.env.BLOB_DIR,
      LIVENET_WORKER_STALE_AFTER_SECONDS: String(STALE_AFTER_SECONDS),
    },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function referenceRun() {
  const session = RunSession.create(parseSpec(SPEC), { seed: SEED });
  const chunks: { tick: number; spikeCounts: Record<string, number>; raster: unknown }[] = [];
  while (!session.done) {
    const report = session.advance(CHUNK_TICKS);
    chunks.push({ tick: report.tick, spikeCounts: report.spikeCounts, raster: report.raster });
  }
  return { chunks, finalSha256: createHash('sha256').update(session.checkpoint()).digest('hex') };
}

describe('worker killed mid-run', () => {
  // Two worker processes start and stop here, which takes far longer than the default timeout
  // on a busy machine.
  it('live worker reclaims and resumes', async () => {
    const { db } = server.deps;
    const user = await server.createUser();
    const created = await server.caller(user.id).runs.create({
      source: { kind: 'spec', spec: { format: 'json', value: SPEC } },
      seed: SEED,
    });

    const first = startWorkerProcess();

    // Kill once a checkpoint exists and at least one chunk after it is written, so the second
    // worker has to both resume and replay.
    const checkpointTick = await waitFor(
      async () => {
        const checkpoint = await db.snapshot.findFirst({
          where: { runId: created.id, kind: 'checkpoint' },
          orderBy: { tick: 'desc' },
        });
        if (!checkpoint) return null;
        const after = await db.runSeries.count({
          where: { runId: created.id, tick: { gt: checkpoint.tick } },
        });
        return after > 0 ? checkpoint.tick : null;
      },
      120_000,
      'a checkpoint and a chunk after it',
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    const killedAt = await db.run.findUniqueOrThrow({ where: { id: created.id } });
    expect(killedAt.status).toBe('running');
    expect(killedAt.ticksDone).toBeLessThan(killedAt.totalTicks);

    // The dead worker's pool still has the job locked, and its heartbeat row is going stale.
    const locks = await db.$queryRaw<{ locked_by: string | null }[]>`
      SELECT locked_by FROM graphile_worker.jobs WHERE key = ${`run:${created.id}`}`;
    const lockedBy = locks[0]?.locked_by ?? null;
    expect(lockedBy).not.toBeNull();
    const deadBeats = await db.$queryRaw<{ pool_id: string }[]>`
      SELECT pool_id FROM livenet_worker.heartbeats WHERE pool_id = ${lockedBy}`;
    expect(deadBeats).toHaveLength(1);

    startWorkerProcess();
    const finished = await waitFor(
      async () => {
        const run = await db.run.findUniqueOrThrow({ where: { id: created.id } });
        return run.status === 'running' || run.status === 'queued' ? null : run;
      },
      120_000,
      'the resumed run to finish',
    );

    const reference = referenceRun();
    const rows = await db.runSeries.findMany({ where: { runId: created.id }, orderBy: { seq: 'asc' } });
    const stored = rows.map((row) => {
      const data = row.data as { tick: number; spikeCounts: Record<string, number>; raster: unknown };
      return { tick: data.tick, spikeCounts: data.spikeCounts, raster: data.raster };
    });
    const snapshots = await db.snapshot.findMany({ where: { runId: created.id, kind: 'final' } });
    const download = await downloadSnapshot(server.deps, user.id, snapshots[0]?.id ?? '');

    expect(checkpointTick).toBeGreaterThanOrEqual(CHECKPOINT_EVERY_TICKS);
    expect(finished.status).toBe('succeeded');
    expect(finished.attempts).toBe(2);
    expect(rows.map((row) => row.seq)).toEqual(reference.chunks.map((_, index) => index));
    expect(stored).toEqual(reference.chunks);
    expect(download.sha256).toBe(reference.finalSha256);

    // The live worker released the job through the heartbeat check, which deletes the dead pool's row.
    const beatsAfter = await db.$queryRaw<{ pool_id: string }[]>`
      SELECT pool_id FROM livenet_worker.heartbeats WHERE pool_id = ${lockedBy}`;
    expect(beatsAfter).toHaveLength(0);
  }, 300_000);
});
