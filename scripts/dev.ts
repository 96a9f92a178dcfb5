/**
 * `tsx scripts/dev.ts`: the whole of Livenet on one machine with no configuration: the embedded
 * PostgreSQL (unless DATABASE_URL is set), migrations, the Next.js dev server and one worker.
 * Ctrl-C stops all of them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { startEmbeddedPostgres } from './embedded-pg';
import { migrateDatabase } from './migrate-database';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(repositoryRoot, 'node_modules', '.bin', name);

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ log: () => undefined });
const databaseUrl = process.env.DATABASE_URL ?? embedded?.url ?? '';
await migrateDatabase(databaseUrl);

const env = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' };
const children: ChildProcess[] = [
  spawn(bin('next'), ['dev'], { cwd: repositoryRoot, env, stdio: 'inherit' }),
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
  await embedded?.stop();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
