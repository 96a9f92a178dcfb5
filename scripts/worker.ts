/**
 * `tsx scripts/worker.ts`: one worker process. With DATABASE_URL unset it uses the embedded
 * server, starting it if no other local process has.
 */
import { startWorker } from '../workers/main';
import { startEmbeddedPostgres } from './embedded-pg';

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
if (embedded) process.env.DATABASE_URL = embedded.url;

try {
  await startWorker();
} finally {
  await embedded?.stop();
}
