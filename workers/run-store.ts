/**
 * The worker's writes to a run: claiming it, one transaction per chunk (series row, core events,
 * applied injections, progress), and the final status. Every status change is conditional on the
 * status it expects, so a cancel or a second worker can never be overwritten.
 */
import type { Prisma } from '../prisma/generated/client';
import type { Db } from '../server/db/client';
import { appendRunEvents } from '../server/services/run-events';
import { INJECT_REWARD, INJECT_STIMULUS } from '../server/services/run-inject';
import { notifyRunChanged } from '../server/services/run-notifier';
import type { Injection, ThreadChunkReport } from './thread/protocol';

/** Recorded spikes kept per chunk; a chunk with more is stored truncated and flagged. */
export const MAX_RASTER_SPIKES_PER_CHUNK = 20_000;

export interface PendingInjection {
  seq: number;
  injection: Injection;
}

/** Marks the run running (from queued, or again after a crash) and counts the attempt. */
export async function claimRun(db: Db, runId: string): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] }, cancelRequestedAt: null },
    data: { status: 'running', attempts: { increment: 1 } },
  });
  if (count === 1)
    await db.run.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: new Date() } });
  return count === 1;
}

function toInjection(kind: string, data: Prisma.JsonValue): Injection | null {
  const value = data as Record<string, unknown> | null;
  if (kind === INJECT_REWARD && typeof value?.value === 'number')
    return { kind: 'reward', value: value.value };
  if (kind === INJECT_STIMULUS && typeof value?.population === 'string' && Array.isArray(value.spikes)) {
    return { kind: 'stimulus', population: value.population, spikes: value.spikes as [number, number][] };
  }
  return null;
}

/** Injections applied at `tick` by an earlier attempt, which a resumed run must apply again. */
export async function injectionsAppliedAt(db: Db, runId: string, tick: number): Promise<PendingInjection[]> {
  const rows = await db.runEvent.findMany({
    where: { runId, kind: { in: [INJECT_REWARD, INJECT_STIMULUS] }, appliedTick: tick },
    orderBy: { seq: 'asc' },
    select: { seq: true, kind: true, data: true },
  });
  return rows.flatMap((row) => {
    const injection = toInjection(row.kind, row.data);
    return injection ? [{ seq: row.seq, injection }] : [];
  });
}

export async function pendingInjections(db: Db, runId: string): Promise<PendingInjection[]> {
  const rows = await db.runEvent.findMany({
    where: { runId, kind: { in: [INJECT_REWARD, INJECT_STIMULUS] }, appliedTick: null },
    orderBy: { seq: 'asc' },
    select: { seq: true, kind: true, data: true },
  });
  return rows.flatMap((row) => {
    const injection = toInjection(row.kind, row.data);
    return injection ? [{ seq: row.seq, injection }] : [];
  });
}

function chunkData(report: ThreadChunkReport): Prisma.InputJsonValue {
  let budget = MAX_RASTER_SPIKES_PER_CHUNK;
  let truncated = false;
  const raster = report.raster.map(({ population, spikes }) => {
    const kept = spikes.slice(0, Math.max(0, budget));
    budget -= kept.length;
    truncated ||= kept.length < spikes.length;
    return { population, spikes: kept };
  });
  return {
    tick: report.tick,
    samplesDone: report.samplesDone,
    accuracy: report.accuracy,
    spikeCounts: report.spikeCounts,
    raster,
    rasterTruncated: truncated,
    counters: { ...report.counters },
    energyJ: report.energyJ,
    // Copies as object literals, because Prisma's JSON input type rejects interface types.
    state: report.state.map((trace) => ({ ...trace })),
  };
}

export interface ChunkWrite {
  runId: string;
  seq: number;
  /** The tick the chunk started at, which is when its injections were applied. */
  startTick: number;
  report: ThreadChunkReport;
  applied: PendingInjection[];
  rejected: { seq: number; reason: string }[];
}

/**
 * Writes one chunk in one transaction and wakes the run's subscribers. Writing a chunk whose row
 * exists changes nothing, so a write retried after a lost commit response never duplicates rows.
 */
export async function writeChunk(db: Db, write: ChunkWrite): Promise<void> {
  const { runId, report } = write;
  await db.$transaction(async (tx) => {
    const inserted = await tx.runSeries.createMany({
      data: [{ runId, seq: write.seq, tick: report.tick, data: chunkData(report) }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return;

    const appliedSeqs = write.applied.map((item) => item.seq);
    if (appliedSeqs.length > 0) {
      await tx.runEvent.updateMany({
        where: { runId, seq: { in: appliedSeqs }, appliedTick: null },
        data: { appliedTick: write.startTick },
      });
    }

    const events = [
      ...report.events.map((event) => ({
        tick: event.tick,
        kind: event.kind,
        data: (event.data ?? null) as Prisma.InputJsonValue,
      })),
      ...write.rejected.map((item) => ({
        tick: write.startTick,
        kind: 'inject.rejected',
        data: { injectionSeq: item.seq, reason: item.reason },
      })),
    ];
    await appendRunEvents(tx, runId, events);

    await tx.run.update({
      where: { id: runId },
      data: {
        ticksDone: report.tick,
        seriesCount: write.seq + 1,
        progress: {
          tick: report.tick,
          totalTicks: report.totalTicks,
          samplesDone: report.samplesDone,
          accuracy: report.accuracy,
          energyJ: report.energyJ,
        },
      },
    });
  });
  await notifyRunChanged(db, runId);
}

export async function isCancelRequested(db: Db, runId: string): Promise<boolean> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { cancelRequestedAt: true } });
  return !run || run.cancelRequestedAt !== null;
}

export type FinalStatus = 'succeeded' | 'failed' | 'cancelled';

export async function finishRun(
  db: Db,
  runId: string,
  status: FinalStatus,
  fields: { error?: string; summary?: Prisma.InputJsonValue; timings?: Prisma.InputJsonValue },
): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id: runId, status: { in: ['queued', 'running'] } },
    data: { status, finishedAt: new Date(), ...fields },
  });
  await notifyRunChanged(db, runId);
  return count === 1;
}
