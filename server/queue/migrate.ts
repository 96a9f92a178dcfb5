/**
 * graphile-worker's own schema (`graphile_worker`), the workers' heartbeat table, and
 * graphile-worker's log output, which goes to the one pino logger.
 */
import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';

import { logger } from '../log';

/** graphile-worker's log levels mapped to pino's. */
const PINO_LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

/**
 * Returns log metadata with its `error` cut to name, message and code: pg attaches its whole
 * client to connection errors, which made each line several kilobytes during a restart.
 */
function compactMeta(meta: Record<string, unknown> | undefined): Record<string, unknown> {
  const error = meta?.error;
  if (typeof error !== 'object' || error === null) return meta ?? {};
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  return { ...meta, error: { name, message, code } };
}

export const queueLogger = new Logger((scope) => (level, message, meta) => {
  const log = logger.child({ component: 'graphile-worker', ...scope });
  log[PINO_LEVELS[level] ?? 'info'](compactMeta(meta), message);
});

/**
 * Heartbeats of worker pools (see `workers/heartbeat.ts`). It lives outside Prisma's schema
 * because only the workers read it, with raw SQL, next to graphile-worker's tables.
 */
const HEARTBEAT_DDL = `
  CREATE SCHEMA IF NOT EXISTS livenet_worker;
  CREATE TABLE IF NOT EXISTS livenet_worker.heartbeats (
    pool_id text PRIMARY KEY,
    beat_at timestamptz NOT NULL
  );`;

/** Installs or upgrades graphile-worker's tables and the heartbeat table. */
export async function migrateQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: queueLogger });

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(HEARTBEAT_DDL);
  } finally {
    await client.end();
  }
}
