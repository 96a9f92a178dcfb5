/**
 * API latency on one machine: `npm run bench -- api [--json]`.
 *
 * - create-to-first-progress: the time from sending `runs.create` to the first metric chunk of
 *   the run's progress subscription, over 10 runs. The spec has 2 inputs and 1 neuron and the
 *   chunks are 100 ticks, so this measures the platform (queue pickup, run thread, first write,
 *   notification, SSE) and not the simulation. The first message (the queued status) is reported too,
 *   and the medians of the worker's thread wait (`bootMs`) and session start from the runs' timings.
 * - read-run and read-notebook: p50 / p95 / p99 latency of `runs.get` and `notebooks.get` under
 *   50 concurrent clients sending HTTP GETs with an API key, bounded to 2,000 requests or 15 s each
 *   (read-run also with one client, as a baseline without contention). `serverCpuMsPerRequest` is
 *   the HTTP child's CPU time (user + system, from /proc, so Linux only) divided by the requests:
 *   with 50 clients in a closed loop, latency is about 50 / throughput, so this cost bounds it.
 *
 * The tRPC handler runs in a child process (this file run directly) and the worker in another
 * (`scripts/worker.ts`), both on 127.0.0.1, so the load generator does not share their event loop.
 * The database is a fresh one on TEST_DATABASE_URL when set, else on the embedded server, and is
 * dropped at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

import superjson from 'superjson';

import { API_KEY_HEADER } from '../server/auth/auth';
import type { Db } from '../server/db/client';
import { closeServerDeps, createServerDeps } from '../server/deps';
import { loadEnv } from '../server/env';
import { createApiKey } from '../server/services/api-keys';
import { createNotebook } from '../server/services/notebooks';
import { createMigratedDatabase } from '../test/db-create';
import { createApiKeyClient, startHttpApi } from '../test/http-api';
import { TINY_SPEC } from '../test/tiny-spec';

const ROOT = path.resolve(import.meta.dirname, '..');
const CREATE_RUNS = 10;
const RUN_TICKS = 300;
const CHUNK_TICKS = 100;
const CLIENTS = 50;
const MAX_REQUESTS = 2_000;
const MAX_LOAD_MS = 15_000;
const WARMUP_REQUESTS = 100;

function childEnv(databaseUrl: string, blobDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    BETTER_AUTH_SECRET: 'livenet-benchmark-secret-not-for-any-deployment',
    DATABASE_URL: databaseUrl,
    BLOB_DIR: blobDir,
    LOG_LEVEL: 'warn',
    LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
  };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function report(json: boolean, result: Record<string, unknown>): void {
  if (json) {
    console.log(JSON.stringify({ benchmark: 'api', ...result }));
    return;
  }
  const fields = Object.entries(result).map(([key, value]) => `${key}=${String(value)}`);
  console.log(fields.join(' '));
}

/** Returns a process's CPU time (user + system) in ms, or null where /proc is missing. */
async function processCpuMs(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks of 10 ms on Linux (USER_HZ is 100).
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (!fields || fields.length < 13) return null;
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts the HTTP child and returns its tRPC URL once it prints it. */
async function startServerChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  // Node itself, not the tsx wrapper, so that the child's pid is the server's for the CPU figures.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'api.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (line.startsWith('listening ')) return { child, url: line.slice('listening '.length) };
  }
  throw new Error(
    `the benchmark's HTTP server exited with status ${String(child.exitCode)} before listening`,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Creates runs one after another and times the first progress messages of each. */
async function measureCreateLatency(client: ReturnType<typeof createApiKeyClient>) {
  const firstChunkMs: number[] = [];
  const firstMessageMs: number[] = [];

  for (let i = 0; i < CREATE_RUNS; i++) {
    const start = performance.now();
    const created = await client.runs.create.mutate({
      source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
      seed: i,
      ticks: RUN_TICKS,
    });

    await new Promise<void>((resolve, reject) => {
      let sawMessage = false;
      let sawChunk = false;
      const subscription = client.runs.progress.subscribe(
        { runId: created.id },
        {
          onData: ({ data }) => {
            const elapsed = performance.now() - start;
            if (!sawMessage) firstMessageMs.push(elapsed);
            sawMessage = true;
            if (data.type === 'chunk' && !sawChunk) firstChunkMs.push(elapsed);
            sawChunk ||= data.type === 'chunk';

            // Waiting for the end keeps the user under the quota of active runs.
            if (data.type === 'status' && ['succeeded', 'failed', 'cancelled'].includes(data.status)) {
              resolve();
              subscription.unsubscribe();
            }
          },
          onError: reject,
        },
      );
    });
  }

  const chunks = firstChunkMs.toSorted((a, b) => a - b);
  const messages = firstMessageMs.toSorted((a, b) => a - b);
  return {
    metric: 'create-to-first-progress',
    runs: CREATE_RUNS,
    medianMs: round(quantile(chunks, 0.5)),
    minMs: round(chunks[0] ?? Number.NaN),
    maxMs: round(chunks.at(-1) ?? Number.NaN),
    firstMessageMedianMs: round(quantile(messages, 0.5)),
  };
}

/**
 * Returns the medians of the worker's timings over the benchmark's runs: `bootMs`, the wait for a
 * booted run thread (0 when the worker's pool had one free), and `startMs`, the session start.
 */
async function medianRunPhases(db: Db) {
  const rows = await db.run.findMany({ select: { timings: true } });
  const median = (phase: string) => {
    const values = rows.flatMap((row) => {
      const value = (row.timings as Record<string, unknown> | null)?.[phase];
      return typeof value === 'number' ? [value] : [];
    });
    return round(
      quantile(
        values.toSorted((a, b) => a - b),
        0.5,
      ),
    );
  };
  return { threadBootMedianMs: median('bootMs'), sessionStartMedianMs: median('startMs') };
}

/** Sends GETs from `clients` concurrent loops until the request or time budget is spent. */
async function measureReadLatency(
  metric: string,
  url: string,
  apiKey: string,
  clients: number,
  serverPid: number | undefined,
) {
  const headers = { [API_KEY_HEADER]: apiKey };
  const get = async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    return response.ok;
  };
  for (let i = 0; i < WARMUP_REQUESTS; i++) await get();

  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const cpuBefore = await processCpuMs(serverPid);
  const loop = async () => {
    while (sent < MAX_REQUESTS && performance.now() - start < MAX_LOAD_MS) {
      sent++;
      const before = performance.now();
      const ok = await get().catch(() => false);
      latencies.push(performance.now() - before);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  const elapsedS = (performance.now() - start) / 1000;
  const cpuAfter = await processCpuMs(serverPid);

  const sorted = latencies.toSorted((a, b) => a - b);
  return {
    metric,
    clients,
    requests: latencies.length,
    errors,
    requestsPerS: Math.round(latencies.length / elapsedS),
    p50Ms: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    p99Ms: round(quantile(sorted, 0.99)),
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null ? null : round((cpuAfter - cpuBefore) / latencies.length),
  };
}

function queryUrl(trpcUrl: string, procedure: string, input: unknown): string {
  return `${trpcUrl}/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

export async function run(json: boolean): Promise<void> {
  const database = await createMigratedDatabase();
  const blobDir = await mkdtemp(path.join(os.tmpdir(), 'livenet-bench-api-'));
  const env = childEnv(database.url, blobDir);
  const deps = createServerDeps(loadEnv({ ...env, LOG_LEVEL: 'warn' }));
  const children: ChildProcess[] = [];

  try {
    const worker = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/worker.ts'], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    children.push(worker);
    const server = await startServerChild(env);
    children.push(server.child);

    const userId = crypto.randomUUID();
    await deps.db.user.create({ data: { id: userId, name: 'Benchmark', email: `${userId}@example.test` } });
    const { key } = await createApiKey(deps.auth, userId, 'benchmark');
    const notebook = await createNotebook(deps.db, userId, {
      title: 'Benchmark notebook',
      cells: [{ id: 'spec', type: 'spec', source: JSON.stringify(TINY_SPEC, null, 2) }],
    });
    const client = createApiKeyClient(server.url, key);

    const created = await measureCreateLatency(client);
    report(json, { ...created, ...(await medianRunPhases(deps.db)) });

    const runs = await client.runs.list.query({ limit: 1 });
    const runUrl = queryUrl(server.url, 'runs.get', { runId: runs.runs[0]?.id ?? '' });
    const notebookUrl = queryUrl(server.url, 'notebooks.get', { notebookId: notebook.id });
    // One client first: the cost of a request without contention, for comparison.
    const pid = server.child.pid;
    report(json, await measureReadLatency('read-run', runUrl, key, 1, pid));
    report(json, await measureReadLatency('read-run', runUrl, key, CLIENTS, pid));
    report(json, await measureReadLatency('read-notebook', notebookUrl, key, CLIENTS, pid));
  } finally {
    await Promise.all(children.map(stopChild));
    await closeServerDeps(deps);
    await database.drop();
    await rm(blobDir, { recursive: true, force: true });
  }
}

/** Serves the tRPC handler when this file runs as the benchmark's child process. */
async function serve(): Promise<void> {
  const deps = createServerDeps(loadEnv());
  const http = await startHttpApi(deps);
  console.log(`listening ${http.url}`);

  process.once('SIGTERM', () => {
    void http
      .close()
      .then(() => closeServerDeps(deps))
      .finally(() => process.exit(0));
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
