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

export async function startWorker() {
  const env = getEnv();
  const databaseUrl = resolveDatabaseUrl(env);
  // One connection per running job, one for the heartbeat, one spare.
  const db = createDb(databaseUrl, { maxConnections: env.LIVENET_WORKER_CONCURRENCY + 2 });
  const deps = { db, blobs: createBlobStore(env), log: logger.child({ component: 'worker' }) };

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
    await heartbeat.stop();
    await db.$disconnect();
  }
  deps.log.info('worker stopped');
}
