/**
 * `tsx scripts/migrate.ts`: migrates the database at DATABASE_URL, or the embedded server's
 * database when DATABASE_URL is unset.
 */
import { startEmbeddedPostgres } from './embedded-pg';
import { migrateDatabase } from './migrate-database';

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
try {
  await migrateDatabase(process.env.DATABASE_URL ?? embedded?.url ?? '');
} finally {
  await embedded?.stop();
}
