/**
 * `tsx scripts/dev.ts`: the whole of Livenet on one machine with no configuration: the embedded
 * PostgreSQL (unless DATABASE_URL is set), migrations, the Next.js dev server and one worker.
 * Ctrl-C stops all of them.
 *
 * PORT (default 3000) and HOST (default 127.0.0.1) choose where the web app listens. Sign-in
 * accepts requests only from BETTER_AUTH_URL and LIVENET_TRUSTED_ORIGINS, so unless they are set
 * they follow the port: localhost, 127.0.0.1 and HOST on that port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

import { startEmbeddedPostgres } from './embedded-pg';
import { migrateDatabase } from './migrate-database';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(repositoryRoot, 'node_modules', '.bin', name);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`livenet: invalid PORT ${JSON.stringify(process.env.PORT)}: expected an integer in 1..65535`);
  process.exit(2);
}

/** Resolves when nothing listens on the port; Next.js would otherwise move to another port, where sign-in fails. */
async function assertPortFree(): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      console.error(`livenet: port ${port} on ${host} is in use; start with PORT=<another port> npm start`);
      process.exit(2);
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
await assertPortFree();

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ log: () => undefined });
const databaseUrl = process.env.DATABASE_URL ?? embedded?.url ?? '';
await migrateDatabase(databaseUrl);

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${port}`,
  // Next.js prints http://<HOST>:<port>, and users open that as often as localhost.
  LIVENET_TRUSTED_ORIGINS:
    process.env.LIVENET_TRUSTED_ORIGINS ??
    [...new Set(['localhost', '127.0.0.1', host.includes(':') ? `[${host}]` : host])]
      .map((name) => `http://${name}:${port}`)
      .join(','),
  NEXT_TELEMETRY_DISABLED: '1',
};
const children: ChildProcess[] = [
  spawn(bin('next'), ['dev', '--port', String(port), '--hostname', host], {
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
  await embedded?.stop();
  process.exit(exitCode);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
