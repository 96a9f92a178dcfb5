/**
 * The live feed of one run, for tRPC subscriptions over SSE: metric chunks (RunSeries rows),
 * events (RunEvent rows) and status changes, each with an event id that records how far the
 * client got. A client that reconnects with its last id resumes after it: nothing lost, nothing repeated.
 *
 * The id is `<series>.<events>.<status>`: the next RunSeries seq to send, the next RunEvent seq to
 * send, and the rank of the last status sent (queued 1, running 2, finished 3). Rows are append-only
 * with gap-free seqs, so "seq >= cursor" is an exact resume point.
 */
import type { Prisma, RunStatus } from '../../prisma/generated/client';
import type { ServerDeps } from '../deps';
import { InvalidError, NotFoundError } from '../errors';

const STATUS_RANK: Record<RunStatus, number> = {
  queued: 1,
  running: 2,
  succeeded: 3,
  failed: 3,
  cancelled: 3,
};
const PAGE_SIZE = 100;
/** A wait for a notification ends after this long at most, so a missed one costs one poll. */
export const PROGRESS_POLL_MS = 1_000;

export interface ProgressCursor {
  nextSeriesSeq: number;
  nextEventSeq: number;
  statusRank: number;
}

export type ProgressMessage =
  | {
      type: 'status';
      status: RunStatus;
      ticksDone: number;
      totalTicks: number;
      error: string | null;
      summary: Prisma.JsonValue;
    }
  | { type: 'chunk'; seq: number; tick: number; data: Prisma.JsonValue }
  | {
      type: 'event';
      seq: number;
      tick: number;
      kind: string;
      data: Prisma.JsonValue;
      appliedTick: number | null;
    };

export interface ProgressItem {
  id: string;
  message: ProgressMessage;
}

export function formatCursor(cursor: ProgressCursor): string {
  return `${cursor.nextSeriesSeq}.${cursor.nextEventSeq}.${cursor.statusRank}`;
}

export function parseCursor(id: string | null | undefined): ProgressCursor {
  if (!id) return { nextSeriesSeq: 0, nextEventSeq: 0, statusRank: 0 };
  const match = /^(\d{1,9})\.(\d{1,9})\.([0-3])$/.exec(id);
  if (!match) {
    throw new InvalidError(`invalid progress event id "${id}"`, [
      {
        path: 'lastEventId',
        message: 'expected <series>.<events>.<status> as sent by the server',
        value: id,
      },
    ]);
  }
  return { nextSeriesSeq: Number(match[1]), nextEventSeq: Number(match[2]), statusRank: Number(match[3]) };
}

/** Checks that the run exists; call it before streaming so a bad id fails the request itself. */
export async function assertRunExists(deps: ServerDeps, runId: string): Promise<void> {
  const run = await deps.db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) throw new NotFoundError('run', runId);
}

/**
 * Streams the feed of `runId` from `lastEventId` until the run has finished and everything has
 * been sent, or until `signal` aborts. The caller must have authorized access to the run.
 */
export async function* streamRunProgress(
  deps: ServerDeps,
  runId: string,
  lastEventId: string | null | undefined,
  signal?: AbortSignal,
): AsyncGenerator<ProgressItem> {
  const cursor = parseCursor(lastEventId);

  while (!signal?.aborted) {
    // Read the status before the rows: the worker writes rows before it finishes a run, so a
    // finished status read here guarantees the queries below see every row.
    const run = await deps.db.run.findUnique({
      where: { id: runId },
      select: { status: true, ticksDone: true, totalTicks: true, error: true, summary: true },
    });
    if (!run) return;

    const series = await deps.db.runSeries.findMany({
      where: { runId, seq: { gte: cursor.nextSeriesSeq } },
      orderBy: { seq: 'asc' },
      take: PAGE_SIZE,
      select: { seq: true, tick: true, data: true },
    });
    for (const row of series) {
      cursor.nextSeriesSeq = row.seq + 1;
      yield { id: formatCursor(cursor), message: { type: 'chunk', ...row } };
    }

    const events = await deps.db.runEvent.findMany({
      where: { runId, seq: { gte: cursor.nextEventSeq } },
      orderBy: { seq: 'asc' },
      take: PAGE_SIZE,
      select: { seq: true, tick: true, kind: true, data: true, appliedTick: true },
    });
    for (const row of events) {
      cursor.nextEventSeq = row.seq + 1;
      yield { id: formatCursor(cursor), message: { type: 'event', ...row } };
    }

    const rank = STATUS_RANK[run.status];
    if (rank > cursor.statusRank) {
      cursor.statusRank = rank;
      yield { id: formatCursor(cursor), message: { type: 'status', ...run } };
    }

    const drained = series.length < PAGE_SIZE && events.length < PAGE_SIZE;
    if (rank === 3 && drained) return;
    if (drained) await deps.notifier.waitForChange(runId, PROGRESS_POLL_MS, signal);
  }
}
