/**
 * Appending RunEvent rows. Events are numbered per run from 0 without gaps: the run's
 * `eventCount` is incremented in the same transaction as the insert, and that row lock orders
 * concurrent appenders (the worker and user injections).
 */
import type { Prisma } from '../../prisma/generated/client';

type Tx = Prisma.TransactionClient;

export interface NewRunEvent {
  tick: number;
  kind: string;
  data: Prisma.InputJsonValue;
  appliedTick?: number | null;
}

/** Inserts events in order and returns the seq of the first one. */
export async function appendRunEvents(tx: Tx, runId: string, events: NewRunEvent[]): Promise<number> {
  if (events.length === 0) return -1;

  const { eventCount } = await tx.run.update({
    where: { id: runId },
    data: { eventCount: { increment: events.length } },
    select: { eventCount: true },
  });
  const firstSeq = eventCount - events.length;

  await tx.runEvent.createMany({
    data: events.map((event, index) => ({
      runId,
      seq: firstSeq + index,
      tick: event.tick,
      kind: event.kind,
      data: event.data,
      appliedTick: event.appliedTick ?? null,
    })),
  });
  return firstSeq;
}
