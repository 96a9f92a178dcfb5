/**
 * Test databases for test files. With `test/global-setup.ts` registered as vitest's globalSetup,
 * one migrated database serves the whole run; without it, `useTestDatabase()` creates one per test
 * file (see `db-create.ts`).
 */
import { afterAll, beforeAll, inject } from 'vitest';

import { createDb, type Db } from '../server/db/client';
import { createMigratedDatabase, type TestDatabase } from './db-create';

/**
 * Registers hooks that provide a migrated database to the calling test file, with a Prisma
 * client on it. With `isolated`, the file gets a database of its own even under the global
 * setup. Read `url` and `db` inside tests or hooks, not at module load.
 */
export function useTestDatabase(options: { isolated?: boolean } = {}): {
  readonly url: string;
  readonly db: Db;
} {
  let url: string | undefined;
  let db: Db | undefined;
  let owned: TestDatabase | undefined;

  beforeAll(async () => {
    // An isolated database keeps this file's queued jobs away from the workers of other files.
    const provided = options.isolated ? undefined : inject('databaseUrl');
    if (provided) {
      url = provided;
    } else {
      owned = await createMigratedDatabase();
      url = owned.url;
    }
    db = createDb(url, { maxConnections: 5 });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await owned?.drop();
  });

  return {
    get url() {
      if (!url) throw new Error('The test database is available only inside tests and hooks.');
      return url;
    },
    get db() {
      if (!db) throw new Error('The test database is available only inside tests and hooks.');
      return db;
    },
  };
}

declare module 'vitest' {
  interface ProvidedContext {
    databaseUrl: string | undefined;
  }
}
