/**
 * Creates test databases on a real PostgreSQL server: the one at TEST_DATABASE_URL when set (CI),
 * else the embedded server. Each database is named `livenet_test_<time>_<random>`, migrated with
 * the official `prisma migrate deploy` and graphile-worker's migrations, and dropped by `drop()`.
 */
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { startEmbeddedPostgres } from '../scripts/embedded-pg';
import { runPrismaCli } from '../scripts/prisma-cli';
import { migrateQueue } from '../server/queue/migrate';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function runAdminStatement(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named database, applies every migration to it, and returns its URL. It uses
 * the server of `serverUrl` when given (a test that starts a server of its own).
 */
export async function createMigratedDatabase(
  serverUrl = process.env.TEST_DATABASE_URL,
): Promise<TestDatabase> {
  const adminUrl = serverUrl ? withDatabase(serverUrl, 'postgres') : (await startEmbeddedPostgres()).adminUrl;

  const name = `livenet_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const escapedName = pg.escapeIdentifier(name);
  await runAdminStatement(adminUrl, `CREATE DATABASE ${escapedName}`);
  const url = withDatabase(adminUrl, name);

  const drop = () => runAdminStatement(adminUrl, `DROP DATABASE IF EXISTS ${escapedName} WITH (FORCE)`);
  const migration = await runPrismaCli(['migrate', 'deploy'], { env: { DATABASE_URL: url }, capture: true });
  if (migration.exitCode !== 0) {
    await drop();
    throw new Error(`prisma migrate deploy failed on ${name}:\n${migration.stdout}\n${migration.stderr}`);
  }
  await migrateQueue(url);
  return { url, drop };
}
