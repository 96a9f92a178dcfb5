/**
 * The server's long-lived dependencies, built once per process from the environment. Services
 * and procedures receive them explicitly (through the tRPC context), so tests build their own
 * with `createServerDeps` on a test database.
 */
import { type Auth, createAuth } from './auth/auth';
import { type BlobStore, createBlobStore } from './blob';
import { type Db, createDb } from './db/client';
import { resolveDatabaseUrl } from './db/url';
import { type Env, getEnv } from './env';
import { type Logger, logger } from './log';
import { RunNotifier } from './services/run-notifier';

export interface ServerDeps {
  env: Env;
  db: Db;
  blobs: BlobStore;
  auth: Auth;
  log: Logger;
  notifier: RunNotifier;
}

export function createServerDeps(env: Env, overrides: Partial<Omit<ServerDeps, 'env'>> = {}): ServerDeps {
  const databaseUrl = resolveDatabaseUrl(env);
  const db = overrides.db ?? createDb(databaseUrl);
  const log = overrides.log ?? logger;
  return {
    env,
    db,
    log,
    blobs: overrides.blobs ?? createBlobStore(env),
    auth: overrides.auth ?? createAuth(db, env, log),
    notifier: overrides.notifier ?? new RunNotifier(databaseUrl, log),
  };
}

/** Closes the connections a set of dependencies opened. */
export async function closeServerDeps(deps: ServerDeps): Promise<void> {
  await deps.notifier.close();
  await deps.db.$disconnect();
}

// Kept on globalThis so that Next.js's module reloading in development reuses one pool.
const holder = globalThis as typeof globalThis & { livenetServerDeps?: ServerDeps };

export function getServerDeps(): ServerDeps {
  holder.livenetServerDeps ??= createServerDeps(getEnv());
  return holder.livenetServerDeps;
}
