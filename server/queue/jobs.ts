/**
 * Job definitions shared by the server (which enqueues) and the workers (which run them). A job id
 * carries a version: a payload change gets a new id, so old workers never see payloads they cannot
 * read, and the zod schema checks each payload where it enters the worker.
 */
import { z } from 'zod';

import type { Db } from '../db/client';

export const RUN_EXECUTE_JOB = 'run.execute@1';

export const runExecutePayloadSchema = z.strictObject({ runId: z.uuid() });

export type RunExecutePayload = z.infer<typeof runExecutePayloadSchema>;

/** Attempts per run job: a worker that dies mid-run is retried from the last checkpoint. */
export const RUN_EXECUTE_MAX_ATTEMPTS = 3;

/** Returns the run's job key, which makes a second enqueue replace the first instead of adding one. */
export function runJobKey(runId: string): string {
  return `run:${runId}`;
}

type Sql = Pick<Db, '$queryRaw'>;

/**
 * Enqueues the run's job through graphile-worker's SQL API, so that it can share a transaction
 * with the Run row: either both exist or neither does.
 */
export async function enqueueRunJob(sql: Sql, runId: string): Promise<void> {
  const payload = JSON.stringify({ runId } satisfies RunExecutePayload);
  await sql.$queryRaw`SELECT (graphile_worker.add_job(
    ${RUN_EXECUTE_JOB}::text,
    ${payload}::json,
    max_attempts => ${RUN_EXECUTE_MAX_ATTEMPTS}::int,
    job_key => ${runJobKey(runId)}::text
  )).id::text AS id`;
}

/** Removes a run's job if no worker has locked it yet. */
export async function removeRunJob(sql: Sql, runId: string): Promise<void> {
  await sql.$queryRaw`SELECT (graphile_worker.remove_job(${runJobKey(runId)}::text)).id::text AS id`;
}
