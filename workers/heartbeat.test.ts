/**
 * Which locks the heartbeat check releases: only those of pools whose heartbeat is stale (or
 * missing) and whose lock is older than the stale limit, never this process's own.
 */
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { useTestDatabase } from '../test/db';
import { reclaimStaleJobs } from './heartbeat';

const STALE_AFTER_MS = 3_000;

// An isolated database: the check would release the locks of other files' queue runners.
const database = useTestDatabase({ isolated: true });

/** Adds a job locked by `poolId` `lockedSecondsAgo` seconds ago, and returns its key. */
async function lockedJob(poolId: string, lockedSecondsAgo: number): Promise<string> {
  const key = `heartbeat-test:${randomUUID()}`;
  await database.db
    .$executeRaw`SELECT graphile_worker.add_job('heartbeat.test', '{}'::json, job_key => ${key})`;
  await database.db.$executeRaw`
    UPDATE graphile_worker._private_jobs
    SET locked_by = ${poolId}, locked_at = now() - make_interval(secs => ${lockedSecondsAgo}::float8)
    WHERE key = ${key}`;
  return key;
}

async function beatAt(poolId: string, secondsAgo: number): Promise<void> {
  await database.db.$executeRaw`
    INSERT INTO livenet_worker.heartbeats (pool_id, beat_at)
    VALUES (${poolId}, now() - make_interval(secs => ${secondsAgo}::float8))`;
}

async function lockOf(key: string): Promise<string | null> {
  const rows = await database.db.$queryRaw<{ locked_by: string | null }[]>`
    SELECT locked_by FROM graphile_worker.jobs WHERE key = ${key}`;
  return rows[0]?.locked_by ?? null;
}

describe('reclaimStaleJobs', () => {
  it('releases only stale pools', async () => {
    const fresh = `pool-fresh-${randomUUID()}`;
    const staleBeat = `pool-stale-${randomUUID()}`;
    const noBeat = `pool-none-${randomUUID()}`;
    const justStarted = `pool-new-${randomUUID()}`;
    const own = `pool-own-${randomUUID()}`;

    await beatAt(fresh, 1);
    await beatAt(staleBeat, 10);
    await beatAt(own, 60);
    const freshJob = await lockedJob(fresh, 60);
    const staleJob = await lockedJob(staleBeat, 60);
    const noBeatJob = await lockedJob(noBeat, 60);
    const newJob = await lockedJob(justStarted, 1);
    const ownJob = await lockedJob(own, 60);

    const released = await reclaimStaleJobs(database.db, [own], STALE_AFTER_MS);

    expect([...released].sort()).toEqual([noBeat, staleBeat].sort());
    expect(await lockOf(freshJob)).toBe(fresh);
    expect(await lockOf(staleJob)).toBeNull();
    expect(await lockOf(noBeatJob)).toBeNull();
    expect(await lockOf(newJob)).toBe(justStarted);
    expect(await lockOf(ownJob)).toBe(own);
  });

  it('forgets released pools', async () => {
    const dead = `pool-dead-${randomUUID()}`;
    await beatAt(dead, 10);
    await lockedJob(dead, 60);

    await reclaimStaleJobs(database.db, [], STALE_AFTER_MS);
    const rows = await database.db.$queryRaw<{ pool_id: string }[]>`
      SELECT pool_id FROM livenet_worker.heartbeats WHERE pool_id = ${dead}`;

    expect(rows).toHaveLength(0);
  });
});
