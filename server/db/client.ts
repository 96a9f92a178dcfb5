/**
 * The Prisma client, on PostgreSQL through @prisma/adapter-pg (Prisma 7 has no built-in driver).
 * Services receive a `Db` as an argument, so tests hand them a client on their own database.
 */
import { PrismaPg } from '@prisma/adapter-pg';

import { PrismaClient } from '../../prisma/generated/client';

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string, options: { maxConnections?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
