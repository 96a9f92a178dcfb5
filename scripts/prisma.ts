/**
 * `tsx scripts/prisma.ts <prisma arguments>`: the Prisma CLI with the offline schema engine, and
 * with the embedded PostgreSQL server started first when DATABASE_URL is unset and the command
 * needs a database (everything but generate, format, validate and version).
 */
import { startEmbeddedPostgres } from './embedded-pg';
import { runPrismaCli } from './prisma-cli';

const OFFLINE_COMMANDS = new Set([
  'generate',
  'format',
  'validate',
  'version',
  '--version',
  '-v',
  'help',
  '--help',
]);

const args = process.argv.slice(2);
const needsDatabase = args.length > 0 && !OFFLINE_COMMANDS.has(args[0] ?? '');

const embedded = needsDatabase && !process.env.DATABASE_URL ? await startEmbeddedPostgres() : null;
const result = await runPrismaCli(args, { env: embedded ? { DATABASE_URL: embedded.url } : {} }).finally(() =>
  embedded?.stop(),
);
process.exit(result.exitCode);
