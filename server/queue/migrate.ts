/**
 * graphile-worker's own schema (`graphile_worker`) and its log output, which goes to the one
 * pino logger.
 */
import { Logger, runMigrations } from 'graphile-worker';

import { logger } from '../log';

/** graphile-worker's log levels mapped to pino's. */
const PINO_LEVELS: Record<string, 'error' | 'warn' | 'info' | 'debug'> = {
  error: 'error',
  warning: 'warn',
  info: 'info',
  debug: 'debug',
};

export const queueLogger = new Logger((scope) => (level, message, meta) => {
  const log = logger.child({ component: 'graphile-worker', ...scope });
  log[PINO_LEVELS[level] ?? 'info'](meta ?? {}, message);
});

/** Installs or upgrades graphile-worker's tables. */
export async function migrateQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: queueLogger });
}
