/**
 * vitest globalSetup: one migrated database for the whole test run, dropped when the run ends.
 * Tests reach it through `useTestDatabase()` in `test/db.ts`. Without this setup, each test file
 * creates and migrates a database of its own, which is slower.
 */
import type { TestProject } from 'vitest/node';

import { createMigratedDatabase } from './db-create';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createMigratedDatabase();
  project.provide('databaseUrl', database.url);
  return () => database.drop();
}
