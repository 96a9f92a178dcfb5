/**
 * The Prisma client, on PostgreSQL through @prisma/adapter-pg (Prisma 7 has no built-in driver).
 * Services receive a `Db` as an argument, so tests hand them a client on their own database.
 *
 * When PostgreSQL restarts, the pool's idle connections fail. The adapter drops them from the
 * pool and reports them to the handlers below, and the next query opens a fresh connection, so
 * a restart costs the queries in flight at that moment and nothing after it.
 */
import { PrismaPg } from '@prisma/adapter-pg';

import { PrismaClient } from '../../prisma/generated/client';
import { logger } from '../log';

export type Db = InstanceType<typeof PrismaClient>;

/** Connections per pool when the caller sets none. */
export const DEFAULT_POOL_SIZE = 10;

export function createDb(databaseUrl: string, options: { maxConnections?: number } = {}): Db {
  const log = logger.child({ component: 'db' });
  const adapter = new PrismaPg(
    { connectionString: databaseUrl, max: options.maxConnections ?? DEFAULT_POOL_SIZE },
    {
      onPoolError: (error) =>
        log.warn(connectionFailure(error), 'idle database connection failed; dropped from the pool'),
      onConnectionError: (error) =>
        log.warn(connectionFailure(error), 'database connection failed during a transaction'),
    },
  );
  return new PrismaClient({ adapter });
}

/**
 * Returns the message and SQLSTATE of a connection error. pg attaches its client to these errors,
 * so logging the whole error writes kilobytes per connection when the server shuts down.
 */
function connectionFailure(error: Error): { error: string; code: string | undefined } {
  const code = (error as { code?: unknown }).code;
  return { error: error.message, code: typeof code === 'string' ? code : undefined };
}
