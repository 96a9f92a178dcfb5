/**
 * `tsx e2e/serve.ts`: the stack the Playwright journeys run against. It creates a fresh database
 * (on TEST_DATABASE_URL's server, or on the embedded PostgreSQL when that is unset), migrates it,
 * and starts the Next.js dev server and one worker on it. SIGTERM or SIGINT stops both and drops
 * the database.
 *
 * The Next.js output goes to `.next/e2e`, so a developer's own `next dev` keeps running beside it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import pg from 'pg';

import { startEmbeddedPostgres } from '../scripts/embedded-pg';
import { migrateDatabase } from '../scripts/migrate-database';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3210);
const bin = (name: string) => path.join(repositoryRoot, 'node_modules', '.bin', name);

const embedded = process.env.TEST_DATABASE_URL ? null : await startEmbeddedPostgres({ log: () => undefined });
const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? embedded?.adminUrl ?? '');
const databaseName = `livenet_e2e_${Date.now()}_${process.pid}`;
const adminUrl = new URL(serverUrl);
adminUrl.pathname = '/postgres';
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${databaseName}`;

async function admin<Row extends Record<string, unknown>>(sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops the databases of earlier runs whose server process is gone. A run killed before its
 * own cleanup (Playwright may end the process tree first) otherwise leaves its database behind.
 */
async function dropStaleDatabases(): Promise<void> {
  const rows = await admin<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'livenet_e2e_%'",
  );
  for (const { datname } of rows) {
    const pid = Number(/_(\d+)$/.exec(datname)?.[1]);
    if (Number.isInteger(pid) && !isAlive(pid))
      await admin(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

await dropStaleDatabases();
await admin(`CREATE DATABASE "${databaseName}"`);
await migrateDatabase(databaseUrl.toString());

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl.toString(),
  BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  LIVENET_NEXT_DIST_DIR: '.next/e2e',
  // Journeys sign up several users from one address within a minute.
  AUTH_SIGN_IN_MAX_PER_MINUTE: '1000',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const children: ChildProcess[] = [
  spawn(bin('next'), ['dev', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: repositoryRoot,
    env,
    stdio: 'inherit',
  }),
  spawn(bin('tsx'), ['scripts/worker.ts'], { cwd: repositoryRoot, env, stdio: 'inherit' }),
];

let stopping = false;
async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null))),
    ),
  );
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).catch((error: unknown) => {
    console.error(`could not drop ${databaseName}:`, error);
  });
  await embedded?.stop();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
