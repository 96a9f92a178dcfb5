/**
 * The worker process: takes run jobs from the PostgreSQL queue (graphile-worker) and executes
 * them. Start as many as needed, on any host that reaches the database and the blob store.
 */
import { run } from 'graphile-worker';

import { createBlobStore } from '../server/blob';
import { createDb } from '../server/db/client';
import { resolveDatabaseUrl } from '../server/db/url';
import { getEnv } from '../server/env';
import { logger } from '../server/log';
import { queueLogger } from '../server/queue/migrate';
import { createTaskList } from './tasks';

export async function startWorker() {
  const env = getEnv();
  const databaseUrl = resolveDatabaseUrl(env);
  const db = createDb(databaseUrl, { maxConnections: env.LIVENET_WORKER_CONCURRENCY + 2 });
  const deps = { db, blobs: createBlobStore(env), log: logger.child({ component: 'worker' }) };

  const runner = await run({
    connectionString: databaseUrl,
    concurrency: env.LIVENET_WORKER_CONCURRENCY,
    taskList: createTaskList(deps),
    logger: queueLogger,
  });
  deps.log.info({ concurrency: env.LIVENET_WORKER_CONCURRENCY }, 'worker started');

  await runner.promise;
  await db.$disconnect();
  deps.log.info('worker stopped');
}
