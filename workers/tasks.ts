/**
 * graphile-worker task list. Each task parses its payload with the job's zod schema, then runs
 * with a child logger that carries the job and run ids.
 */
import type { JobHelpers, TaskList } from 'graphile-worker';

import {
  RUN_EXECUTE_JOB,
  RUN_EXECUTE_MAX_ATTEMPTS,
  runExecutePayloadSchema,
  runJobKey,
} from '../server/queue/jobs';
import { type ExecuteRunDeps, RunInterrupted, executeRun } from './execute-run';

async function runExecuteTask(deps: ExecuteRunDeps, payload: unknown, helpers: JobHelpers): Promise<void> {
  const parsed = runExecutePayloadSchema.safeParse(payload);
  if (!parsed.success) {
    // A malformed payload never becomes valid, so the job is dropped instead of retried.
    deps.log.error(
      { jobId: helpers.job.id, issues: parsed.error.issues },
      `invalid ${RUN_EXECUTE_JOB} payload; job dropped`,
    );
    return;
  }

  const { runId } = parsed.data;
  const log = deps.log.child({ jobId: helpers.job.id, attempt: helpers.job.attempts, runId });
  try {
    await executeRun({ ...deps, log }, runId, {
      signal: helpers.abortSignal,
      lastAttempt: helpers.job.attempts >= helpers.job.max_attempts,
    });
  } catch (error) {
    if (!(error instanceof RunInterrupted)) throw error;

    // A shutdown is not the run's fault, so it should not use up an attempt. Adding a job with
    // the same key while this one is locked makes graphile-worker create a fresh job (attempts 0)
    // and retire this one, which then completes normally.
    await helpers.addJob(
      RUN_EXECUTE_JOB,
      { runId },
      { jobKey: runJobKey(runId), maxAttempts: RUN_EXECUTE_MAX_ATTEMPTS },
    );
    log.info('run interrupted by shutdown; requeued to resume from its latest checkpoint');
  }
}

export function createTaskList(deps: ExecuteRunDeps): TaskList {
  return {
    [RUN_EXECUTE_JOB]: (payload, helpers) => runExecuteTask(deps, payload, helpers),
  };
}
