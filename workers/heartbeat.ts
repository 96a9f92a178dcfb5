/**
 * Worker liveness, so that a dead worker's job is taken over in seconds, not after the 4 hours
 * graphile-worker 0.18 waits before it releases a lock on its own.
 *
 * Each worker process writes the ids of its graphile-worker pools (the `locked_by` of the jobs it
 * has locked) with the database's clock into `livenet_worker.heartbeats` every `staleAfterMs / 6`.
 * On the same beat it looks for pools whose heartbeat is older than `staleAfterMs` (or missing)
 * and whose job was locked longer ago than that. It releases their jobs with graphile-worker's
 * `force_unlock_workers`, so that a live worker takes each job and resumes the run from its
 * latest checkpoint.
 *
 * A worker reclaims only after its own beats have succeeded for `staleAfterMs` in a row. After a
 * database outage every heartbeat is old at once, so the wait gives the other live workers time
 * to beat again before anyone judges them dead.
 */
import type { Db } from '../server/db/client';
import type { Logger } from '../server/log';

export interface HeartbeatOptions {
  db: Db;
  /** The graphile-worker pool ids of this process. */
  poolIds: () => string[];
  staleAfterMs: number;
  log: Logger;
}

export interface Heartbeat {
  /** Resolves after the beat in progress, if any, has ended. */
  stop(): Promise<void>;
}

/** Heartbeat rows not refreshed for this long belong to processes long gone and are deleted. */
const FORGET_AFTER_SECONDS = 24 * 60 * 60;

async function beat(db: Db, poolIds: string[]): Promise<void> {
  if (poolIds.length === 0) return;
  await db.$executeRaw`
    INSERT INTO livenet_worker.heartbeats (pool_id, beat_at)
    SELECT id, now() FROM unnest(${poolIds}::text[]) AS id
    ON CONFLICT (pool_id) DO UPDATE SET beat_at = now()`;
}

/** Releases the jobs of pools whose heartbeat is stale; returns their ids. */
export async function reclaimStaleJobs(
  db: Db,
  ownPoolIds: string[],
  staleAfterMs: number,
): Promise<string[]> {
  const seconds = staleAfterMs / 1000;
  const rows = await db.$queryRaw<{ locked_by: string }[]>`
    SELECT DISTINCT j.locked_by
    FROM graphile_worker.jobs j
    WHERE j.locked_by IS NOT NULL
      AND j.locked_by <> ALL(${ownPoolIds}::text[])
      AND j.locked_at < now() - make_interval(secs => ${seconds}::float8)
      AND NOT EXISTS (
        SELECT 1 FROM livenet_worker.heartbeats h
        WHERE h.pool_id = j.locked_by AND h.beat_at >= now() - make_interval(secs => ${seconds}::float8)
      )`;
  const stale = rows.map((row) => row.locked_by);

  if (stale.length > 0) {
    await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${stale}::text[])`;
    await db.$executeRaw`DELETE FROM livenet_worker.heartbeats WHERE pool_id = ANY(${stale}::text[])`;
  }
  await db.$executeRaw`
    DELETE FROM livenet_worker.heartbeats
    WHERE beat_at < now() - make_interval(secs => ${FORGET_AFTER_SECONDS}::float8)`;
  return stale;
}

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { db, log, staleAfterMs } = options;
  const intervalMs = Math.max(100, Math.floor(staleAfterMs / 6));
  let healthySince: number | null = null;
  let failing = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  const once = async () => {
    const own = options.poolIds();
    try {
      await beat(db, own);
      healthySince ??= Date.now();
      if (failing) log.info({ pools: own }, 'worker heartbeat recovered');
      failing = false;
    } catch (error) {
      // Logged once per outage, not on every beat.
      if (!failing)
        log.warn({ err: error, pools: own }, 'worker heartbeat failed; retrying on the next beat');
      failing = true;
      healthySince = null;
      return;
    }

    if (Date.now() - healthySince < staleAfterMs) return;
    try {
      const released = await reclaimStaleJobs(db, own, staleAfterMs);
      if (released.length > 0)
        log.warn({ pools: released, staleAfterMs }, 'released the jobs of workers whose heartbeat stopped');
    } catch (error) {
      log.warn({ err: error }, 'reclaiming the jobs of dead workers failed');
    }
  };

  const timer = setInterval(() => {
    if (stopped) return;
    current = current.then(once);
  }, intervalMs);
  current = once();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;

      // A clean stop has released its jobs, so its rows only need to go; failing that, the
      // purge of day-old rows removes them.
      const own = options.poolIds();
      if (own.length === 0) return;
      await db.$executeRaw`DELETE FROM livenet_worker.heartbeats WHERE pool_id = ANY(${own}::text[])`.catch(
        (error: unknown) => log.warn({ err: error }, 'removing the heartbeat rows of this worker failed'),
      );
    },
  };
}
