/**
 * The worker process: takes run jobs from the PostgreSQL queue (graphile-worker) and executes
 * them. Start as many as needed, on any host that reaches the database and the blob store.
 *
 * It survives a PostgreSQL restart: graphile-worker retries its own queries and reconnects its
 * LISTEN connection, the Prisma pool replaces failed connections, and a run waits out the outage
 * between chunks (`DB_OUTAGE_TOLERANCE_MS`). A heartbeat lets live workers take over the jobs of
 * a dead worker (`workers/heartbeat.ts`).
 */
import { EventEmitter } from 'node:events';

import { type WorkerEvents, run } from 'graphile-worker';

import { createBlobStore } from '../server/blob';
import { createDb } from '../server/db/client';
import { resolveDatabaseUrl } from '../server/db/url';
import { getEnv } from '../server/env';
import { logger } from '../server/log';
import { queueLogger } from '../server/queue/migrate';
import { startHeartbeat } from './heartbeat';
import { createTaskList } from './tasks';
import { RunThreadPool } from './thread/run-thread-pool';

export async function startWorker() {
  const env = getEnv();
  const databaseUrl = resolveDatabaseUrl(env);
  // One connection per running job, one for the heartbeat, one spare.
  const db = createDb(databaseUrl, { maxConnections: env.LIVENET_WORKER_CONCURRENCY + 2 });
  const log = logger.child({ component: 'worker' });
  // One booted run thread per job that may run at once, so no run waits for a thread to boot.
  const threads = new RunThreadPool(env.LIVENET_WORKER_CONCURRENCY, log);
  const deps = { db, blobs: createBlobStore(env), log, threads };

  const poolIds = new Set<string>();
  const events = new EventEmitter() as WorkerEvents;
  events.on('pool:create', ({ workerPool }) => poolIds.add(workerPool.id));

  const runner = await run({
    connectionString: databaseUrl,
    concurrency: env.LIVENET_WORKER_CONCURRENCY,
    taskList: createTaskList(deps),
    logger: queueLogger,
    events,
  });
  // Booted only once the runner is up, so a failed start leaves no thread holding the process open.
  threads.warm();
  const heartbeat = startHeartbeat({
    db,
    poolIds: () => [...poolIds],
    staleAfterMs: env.LIVENET_WORKER_STALE_AFTER_SECONDS * 1000,
    log: deps.log,
  });
  deps.log.info({ concurrency: env.LIVENET_WORKER_CONCURRENCY, pools: [...poolIds] }, 'worker started');

  try {
    await runner.promise;
  } finally {
    await threads.close();
    await heartbeat.stop();
    await db.$disconnect();
  }
  deps.log.info('worker stopped');
}
