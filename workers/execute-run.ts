/**
 * Executes one run. It loads the run, takes a booted run thread (from the worker's pool) and starts
 * the core in it: fresh, or resumed from the latest checkpoint or from the snapshot the run was
 * forked from. Then it advances chunk by chunk: it writes each chunk, honours cancel requests
 * between chunks and checkpoints on schedule. It ends with a final snapshot and the summary, and
 * gives the thread back (the pool reuses it unless the run failed with an error).
 *
 * Chunks end at multiples of the run's `chunkTicks`, and the core is deterministic, so a resumed
 * attempt rebuilds exactly the chunks an earlier attempt wrote after its last checkpoint. Those
 * are recomputed but not written again ("replay"), and the injections that attempt applied are
 * applied again at the same ticks.
 */
import type { Prisma } from '../prisma/generated/client';
import type { BlobStore } from '../server/blob';
import type { Db } from '../server/db/client';
import { retryTransient } from '../server/db/transient';
import type { Logger } from '../server/log';
import { findResumePoint, loadSnapshotBytes, saveSnapshot } from './checkpoints';
import {
  type PendingInjection,
  claimRun,
  finishRun,
  injectionsAppliedAt,
  isCancelRequested,
  pendingInjections,
  writeChunk,
} from './run-store';
import { CoreFailure, type RunThread } from './thread/run-thread-client';
import { type RunThreadSource, freshThreads } from './thread/run-thread-pool';

export interface ExecuteRunDeps {
  db: Db;
  blobs: BlobStore;
  log: Logger;
  /** Source of run threads; without it every run boots a thread of its own. */
  threads?: RunThreadSource;
}

export interface ExecuteRunOptions {
  /** Aborts when the worker shuts down; the run stops between chunks and is retried later. */
  signal?: AbortSignal;
  /** True on the job's last attempt: an unexpected failure then fails the run instead of retrying. */
  lastAttempt: boolean;
}

export type ExecuteRunResult = 'succeeded' | 'failed' | 'cancelled' | 'skipped';

interface Timings {
  /** Wait for a booted run thread: 0 when the pool had one free, else a whole thread boot. */
  bootMs: number;
  startMs: number;
  tickMs: number;
  writeMs: number;
  checkpointMs: number;
}

/** Thrown when the worker shuts down mid-run; the job is retried and resumes from a checkpoint. */
export class RunInterrupted extends Error {
  constructor(runId: string) {
    super(`run ${runId} was interrupted by worker shutdown`);
    this.name = 'RunInterrupted';
  }
}

/**
 * How long a run waits out a database outage (a PostgreSQL restart, a dropped connection) before
 * its attempt fails. Every write it repeats is idempotent: a chunk is skipped if its row exists,
 * a snapshot is an upsert, and status changes are conditional.
 */
export const DB_OUTAGE_TOLERANCE_MS = 60_000;

function withRetry<T>(log: Logger, runId: string, what: string, operation: () => Promise<T>): Promise<T> {
  return retryTransient(operation, {
    maxElapsedMs: DB_OUTAGE_TOLERANCE_MS,
    onRetry: (error, attempt, delayMs) =>
      log.warn({ runId, err: error, attempt, delayMs }, `${what} failed on a database outage; retrying`),
  });
}

function nextBoundary(tick: number, chunkTicks: number, totalTicks: number): number {
  return Math.min(totalTicks, (Math.floor(tick / chunkTicks) + 1) * chunkTicks);
}

export async function executeRun(
  deps: ExecuteRunDeps,
  runId: string,
  options: ExecuteRunOptions,
): Promise<ExecuteRunResult> {
  const { db, log } = deps;
  const run = await db.run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      spec: true,
      seed: true,
      mode: true,
      totalTicks: true,
      chunkTicks: true,
      checkpointEveryTicks: true,
      forkedFromSnapshotId: true,
      status: true,
    },
  });
  if (!run) {
    log.warn({ runId }, 'run not found; job dropped');
    return 'skipped';
  }

  if (!(await claimRun(db, runId))) {
    // Cancelled while queued, or already finished by an earlier attempt.
    if (await isCancelRequested(db, runId)) await finishRun(db, runId, 'cancelled', {});
    log.info({ runId, status: run.status }, 'run not claimable; job skipped');
    return 'skipped';
  }

  const timings: Timings = { bootMs: 0, startMs: 0, tickMs: 0, writeMs: 0, checkpointMs: 0 };
  const threads = deps.threads ?? freshThreads;
  let thread: RunThread | null = null;
  // Set when the run returns normally or is interrupted by shutdown; after any other error the
  // thread is not trusted again.
  let reusable = false;
  try {
    const resumeFrom = await findResumePoint(db, run);
    const checkpoint = resumeFrom ? await loadSnapshotBytes(db, deps.blobs, resumeFrom) : null;
    const acquired = await threads.acquire();
    thread = acquired.thread;
    timings.bootMs = acquired.bootMs;
    const started = await thread.start({
      spec: run.spec,
      seed: run.seed,
      mode: run.mode,
      totalTicks: run.totalTicks,
      checkpoint: checkpoint?.bytes ?? null,
    });
    timings.startMs = started.startMs;
    log.info(
      { runId, resumedAtTick: checkpoint?.tick ?? null, totalTicks: started.totalTicks },
      'run started',
    );

    const result = await advanceToEnd(
      deps,
      { ...run, totalTicks: started.totalTicks },
      thread,
      started.tick,
      timings,
      options,
    );
    reusable = true;
    return result;
  } catch (error) {
    if (error instanceof RunInterrupted) {
      // Thrown between chunks with the thread idle, so the thread goes back to the pool, and a
      // worker that is shutting down boots no replacement.
      reusable = true;
      throw error;
    }

    // A core failure repeats on every attempt, so it fails the run at once.
    const permanent = error instanceof CoreFailure || options.lastAttempt;
    if (!permanent) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(db, runId, 'failed', { error: message, timings: { ...timings } });
    log.error({ runId, err: error }, 'run failed');
    return 'failed';
  } finally {
    if (thread) await threads.release(thread, reusable);
  }
}

async function advanceToEnd(
  deps: ExecuteRunDeps,
  run: { id: string; totalTicks: number; chunkTicks: number; checkpointEveryTicks: number },
  thread: RunThread,
  startTick: number,
  timings: Timings,
  options: ExecuteRunOptions,
): Promise<ExecuteRunResult> {
  const { db, log } = deps;
  const runId = run.id;

  // Chunks already written by an earlier attempt: one row per chunk, numbered in tick order.
  let seq = await db.runSeries.count({ where: { runId, tick: { lte: startTick } } });
  const writtenChunks = await db.runSeries.count({ where: { runId } });
  let tick = startTick;
  let lastCheckpointTick = startTick;

  while (tick < run.totalTicks) {
    const replaying = seq < writtenChunks;
    const replayed = await withRetry(log, runId, 'reading injections', () =>
      injectionsAppliedAt(db, runId, tick),
    );
    const fresh: PendingInjection[] = replaying
      ? []
      : await withRetry(log, runId, 'reading injections', () => pendingInjections(db, runId));
    const toApply = [...replayed, ...fresh];

    const target = nextBoundary(tick, run.chunkTicks, run.totalTicks);
    const { report, tickMs, rejectedInjections } = await thread.advance(
      target - tick,
      toApply.map((item) => item.injection),
    );
    timings.tickMs += tickMs;

    if (!replaying) {
      const writeStart = performance.now();
      const rejected = rejectedInjections.map(({ index, reason }) => ({
        seq: toApply[index]?.seq ?? -1,
        reason,
      }));
      const write = { runId, seq, startTick: tick, report, applied: fresh, rejected };
      await withRetry(log, runId, `writing chunk ${seq}`, () => writeChunk(db, write));
      timings.writeMs += performance.now() - writeStart;
    }
    seq++;
    tick = report.tick;

    if (await withRetry(log, runId, 'reading the cancel flag', () => isCancelRequested(db, runId))) {
      const cancelTimings = { ...timings };
      await withRetry(log, runId, 'finishing', () =>
        finishRun(db, runId, 'cancelled', { timings: cancelTimings }),
      );
      log.info({ runId, tick }, 'run cancelled');
      return 'cancelled';
    }

    if (tick < run.totalTicks && tick - lastCheckpointTick >= run.checkpointEveryTicks) {
      const checkpointStart = performance.now();
      const bytes = await thread.checkpoint();
      await withRetry(log, runId, 'saving a checkpoint', () =>
        saveSnapshot(db, deps.blobs, runId, tick, 'checkpoint', bytes),
      );
      timings.checkpointMs += performance.now() - checkpointStart;
      lastCheckpointTick = tick;
    }

    // Checked after the checkpoint, so a shutdown keeps the newest state it could save.
    if (options.signal?.aborted) throw new RunInterrupted(runId);
  }

  const finalStart = performance.now();
  const finalBytes = await thread.checkpoint();
  await withRetry(log, runId, 'saving the final snapshot', () =>
    saveSnapshot(db, deps.blobs, runId, tick, 'final', finalBytes),
  );
  timings.checkpointMs += performance.now() - finalStart;

  const summary = (await thread.summary()) as Prisma.InputJsonValue;
  const finalTimings = { ...timings };
  const finished = await withRetry(log, runId, 'finishing', () =>
    finishRun(db, runId, 'succeeded', { summary, timings: finalTimings }),
  );
  log.info({ runId, ticks: tick, finished, timings }, 'run succeeded');
  return finished ? 'succeeded' : 'skipped';
}
