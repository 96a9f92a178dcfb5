/**
 * PostgreSQL restarted in the middle of a run. The test starts a PostgreSQL server of its own:
 * the embedded build, with its data in a temporary folder and a free port on 127.0.0.1. A worker
 * process and the tRPC HTTP handler connect to it. The test stops the server while the run is
 * between chunks and starts it again. The worker must wait out the outage and finish the run in
 * the same attempt, the web app must serve requests again, and the stored chunks must be the
 * uninterrupted run's, each exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import { diehlCookDocument } from '../core/templates/diehl-cook';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../scripts/embedded-pg';
import { type ServerDeps, closeServerDeps, createServerDeps } from '../server/deps';
import { loadEnv } from '../server/env';
import { createApiKey } from '../server/services/api-keys';
import { type TestDatabase, createMigratedDatabase } from '../test/db-create';
import { createApiKeyClient, startHttpApi } from '../test/http-api';

const CHUNK_TICKS = 50;
const SEED = 11;
const OUTAGE_MS = 2_000;
const SPEC = diehlCookDocument({ neurons: 10, samples: 2 });
const ROOT = path.resolve(import.meta.dirname, '..');

let folder = '';
let port = 0;
let server: EmbeddedPostgresHandle | null = null;
let database: TestDatabase | null = null;
let deps: ServerDeps | null = null;
let http: Awaited<ReturnType<typeof startHttpApi>> | null = null;
let worker: ChildProcess | null = null;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port for PostgreSQL');
  return address.port;
}

function startPostgres(): Promise<EmbeddedPostgresHandle> {
  return startEmbeddedPostgres({ dataDir: path.join(folder, 'pg'), port });
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

function referenceChunks() {
  const session = RunSession.create(parseSpec(SPEC), { seed: SEED });
  const chunks: { tick: number; spikeCounts: Record<string, number>; raster: unknown }[] = [];
  while (!session.done) {
    const report = session.advance(CHUNK_TICKS);
    chunks.push({ tick: report.tick, spikeCounts: report.spikeCounts, raster: report.raster });
  }
  return chunks;
}

beforeAll(async () => {
  // The server runs as the "postgres" user when the test runs as root, so the folder must be open.
  folder = await mkdtemp(path.join(os.tmpdir(), 'livenet-pg-restart-'));
  await chmod(folder, 0o755);
  port = await freePort();
  server = await startPostgres();
  database = await createMigratedDatabase(server.adminUrl);

  const envValues = {
    NODE_ENV: 'test' as const,
    DATABASE_URL: database.url,
    BLOB_DIR: path.join(folder, 'blobs'),
    LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
  };
  deps = createServerDeps(loadEnv(envValues));
  http = await startHttpApi(deps);
  worker = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...envValues, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker?.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await http?.close();
  if (deps) await closeServerDeps(deps);
  await database?.drop();
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
}, 60_000);

describe('PostgreSQL restarted mid-run', () => {
  it('run finishes with every chunk once', async () => {
    if (!deps || !http || !worker) throw new Error('set-up failed');
    const { db } = deps;

    const userId = crypto.randomUUID();
    await db.user.create({ data: { id: userId, name: 'Restart', email: `${userId}@example.test` } });
    const { key } = await createApiKey(deps.auth, userId, 'restart');
    const client = createApiKeyClient(http.url, key);

    const created = await client.runs.create.mutate({
      source: { kind: 'spec', spec: { format: 'json', value: SPEC } },
      seed: SEED,
    });
    const reference = referenceChunks();
    expect(reference.length).toBeGreaterThan(10);

    // Stop the server once the worker has written a few chunks and has most of the run ahead.
    const writtenBefore = await waitFor(
      async () => {
        const count = await db.runSeries.count({ where: { runId: created.id } });
        return count >= 3 ? count : null;
      },
      60_000,
      'three chunks',
    );
    await server?.stop();
    server = null;

    // While the server is down, the web app returns an error and does not crash.
    await expect(client.runs.get.query({ runId: created.id })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    server = await startPostgres();

    // The same client, the same server deps: the web app reconnects on its own.
    const finished = await waitFor(
      async () => {
        const run = await client.runs.get.query({ runId: created.id });
        return run.status === 'queued' || run.status === 'running' ? null : run;
      },
      60_000,
      'the run to finish',
    );
    const listed = await client.runs.list.query({ limit: 5 });

    const row = await db.run.findUniqueOrThrow({ where: { id: created.id } });
    const rows = await db.runSeries.findMany({ where: { runId: created.id }, orderBy: { seq: 'asc' } });
    const stored = rows.map((series) => {
      const data = series.data as { tick: number; spikeCounts: Record<string, number>; raster: unknown };
      return { tick: data.tick, spikeCounts: data.spikeCounts, raster: data.raster };
    });

    expect(writtenBefore).toBeLessThan(reference.length);
    expect(finished.status).toBe('succeeded');
    expect(listed.runs.map((run) => run.id)).toContain(created.id);
    // The outage was waited out inside the first attempt, and the worker process lived through it.
    expect(row.attempts).toBe(1);
    expect(worker.exitCode).toBeNull();
    expect(row.seriesCount).toBe(reference.length);
    expect(rows.map((series) => series.seq)).toEqual(reference.map((_, index) => index));
    expect(stored).toEqual(reference);
  }, 120_000);
});
