/**
 * A graphile-worker runner in the test process, executing runs in pooled threads the way
 * `workers/main.ts` does, against a server fixture's database and blob store.
 */
import { type Runner, run } from 'graphile-worker';

import { queueLogger } from '../server/queue/migrate';
import { createTaskList } from '../workers/tasks';
import type { RunThreadPool } from '../workers/thread/run-thread-pool';
import type { ServerFixture } from './server-fixture';

/** Starts a runner of concurrency 1 whose runs take their threads from `threads`. */
export function startTestRunner(server: ServerFixture, threads: RunThreadPool): Promise<Runner> {
  return run({
    connectionString: server.databaseUrl,
    concurrency: 1,
    taskList: createTaskList({ db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log, threads }),
    logger: queueLogger,
    pollInterval: 200,
  });
}
