/**
 * Brings a database up to date: Prisma's migrations (the official `prisma migrate deploy`), then
 * graphile-worker's own schema.
 */
import { migrateQueue } from '../server/queue/migrate';
import { runPrismaCli } from './prisma-cli';

export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const result = await runPrismaCli(['migrate', 'deploy'], { env: { DATABASE_URL: databaseUrl } });
  if (result.exitCode !== 0)
    throw new Error(`prisma migrate deploy failed with exit code ${result.exitCode}`);
  await migrateQueue(databaseUrl);
}
