/**
 * Server dependencies on a real test database, plus helpers to sign users up and to call the API
 * as them through tRPC's server-side caller (no HTTP).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll } from 'vitest';

import { type ServerDeps, createServerDeps } from '../server/deps';
import { loadEnv } from '../server/env';
import { createCallerForUser } from '../server/trpc/caller';
import { useTestDatabase } from './db';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface ServerFixture {
  readonly deps: ServerDeps;
  readonly databaseUrl: string;
  /** Signs up through better-auth (email and password; slow, because passwords are hashed). */
  signUp(name?: string): Promise<TestUser>;
  /** Inserts a user row directly, for tests that need an owner but not a password. */
  createUser(name?: string): Promise<{ id: string }>;
  caller(userId: string | null): ReturnType<typeof createCallerForUser>;
}

export function useServerFixture(
  envOverrides: Record<string, string> = {},
  options: { isolated?: boolean } = {},
): ServerFixture {
  const database = useTestDatabase(options);
  let deps: ServerDeps | undefined;
  let blobDir: string | undefined;

  beforeAll(async () => {
    blobDir = await mkdtemp(path.join(os.tmpdir(), 'livenet-test-blobs-'));
    const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: database.url, BLOB_DIR: blobDir, ...envOverrides });
    deps = createServerDeps(env, { db: database.db });
  });

  afterAll(async () => {
    await deps?.notifier.close();
    if (blobDir) await rm(blobDir, { recursive: true, force: true });
  });

  const requireDeps = () => {
    if (!deps) throw new Error('server fixture is available only inside tests and hooks');
    return deps;
  };

  return {
    get deps() {
      return requireDeps();
    },
    get databaseUrl() {
      return database.url;
    },
    async signUp(name = 'Test User') {
      const email = `user-${randomUUID()}@example.test`;
      const password = `pw-${randomUUID()}`;
      const result = await requireDeps().auth.api.signUpEmail({ body: { email, password, name } });
      return { id: result.user.id, email, password };
    },
    async createUser(name = 'Test User') {
      const id = randomUUID();
      await requireDeps().db.user.create({ data: { id, name, email: `user-${id}@example.test` } });
      return { id };
    },
    caller(userId) {
      return createCallerForUser(requireDeps(), userId);
    },
  };
}
