/**
 * Mixed load on one machine: `npm run bench -- load [--seconds N] [--json]` (default 60 s).
 *
 * 50 users, each with its own API key, create notebooks, save cells, create short runs, read and
 * list them through the HTTP tRPC endpoint, while 20 longer runs execute on two worker processes
 * (`scripts/worker.ts`, two runs at a time each). The tRPC fetch handler is served by a small
 * node:http adapter in this process on 127.0.0.1. Each user may have 2 runs queued or running, so
 * at most 120 runs are open when the load phase ends, which two workers finish well within the
 * drain limit of 240 s. Then the totals are checked against the database:
 *
 * - every created notebook and run exists, owned by the user that created it;
 * - every run reaches a final state, and every succeeded run has all its ticks and one progress
 *   row per chunk;
 * - no request got a 5xx answer. 429 answers (the per-user quota of active runs) are expected
 *   and counted.
 *
 * Prints one JSON object: counts, failures, p50 / p95 latencies per procedure in ms, how long runs
 * waited in the queue and ran, and the load average of the machine before and after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { TRPCClientError } from '@trpc/client';

import { closeServerDeps, createServerDeps } from '../server/deps';
import { loadEnv } from '../server/env';
import { logger } from '../server/log';
import { createApiKey } from '../server/services/api-keys';
import { createMigratedDatabase } from '../test/db-create';
import { createApiKeyClient, startHttpApi } from '../test/http-api';
import { TINY_SPEC } from '../test/tiny-spec';

const ROOT = path.resolve(import.meta.dirname, '..');
const USERS = 50;
const BACKGROUND_RUNS = 20;
const BACKGROUND_TICKS = 2_000;
const USER_RUN_TICKS = 200;
const CHUNK_TICKS = 100;
const USER_ACTIVE_RUNS = 2;
const WORKER_CONCURRENCY = 2;
const DRAIN_MS = 240_000;
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

type Client = ReturnType<typeof createApiKeyClient>;

interface Tally {
  latencies: Map<string, number[]>;
  statuses: Map<number, number>;
  otherErrors: string[];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function summarize(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  return {
    count: list.length,
    p50: Math.round(quantile(sorted, 0.5) * 10) / 10,
    p95: Math.round(quantile(sorted, 0.95) * 10) / 10,
  };
}

function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

/** Times one call; records its HTTP status and returns its result, or null when it failed. */
async function timed<T>(tally: Tally, name: string, call: () => Promise<T>): Promise<T | null> {
  const start = performance.now();
  let status = 200;
  let result: T | null = null;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { httpStatus?: number } | undefined;
      status = data?.httpStatus ?? 0;
    } else {
      status = 0;
      tally.otherErrors.push(error instanceof Error ? error.message : String(error));
    }
  }
  const list = tally.latencies.get(name) ?? [];
  list.push(performance.now() - start);
  tally.latencies.set(name, list);
  tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
  return result;
}

function startWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'worker.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** One user's loop until the deadline; returns the ids it created. */
async function userLoop(client: Client, tally: Tally, deadline: number) {
  const notebooks: string[] = [];
  const runs: string[] = [];
  const spec = { kind: 'spec' as const, spec: { format: 'json' as const, value: TINY_SPEC } };

  while (Date.now() < deadline) {
    const notebook = await timed(tally, 'notebooks.create', () =>
      client.notebooks.create.mutate({ title: `load ${notebooks.length}` }),
    );
    if (notebook) {
      notebooks.push(notebook.id);
      await timed(tally, 'notebooks.saveCells', () =>
        client.notebooks.saveCells.mutate({
          notebookId: notebook.id,
          baseVersion: notebook.version,
          cells: [{ id: 'md', type: 'markdown', source: `# notebook ${notebooks.length}` }],
        }),
      );
    }

    const run = await timed(tally, 'runs.create', () =>
      client.runs.create.mutate({ source: spec, seed: runs.length, ticks: USER_RUN_TICKS }),
    );
    if (run) {
      runs.push(run.id);
      await timed(tally, 'runs.get', () => client.runs.get.query({ runId: run.id }));
    }
    await timed(tally, 'runs.list', () => client.runs.list.query({ limit: 20 }));
    await timed(tally, 'notebooks.list', () => client.notebooks.list.query());
  }
  return { notebooks, runs };
}

export async function run(json: boolean, _args: string[]): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: false,
    options: { seconds: { type: 'string', default: '60' } },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`--seconds must be a positive number, got ${String(values.seconds)}`);

  const loadAverageBefore = loadAverage();
  const database = await createMigratedDatabase();
  const blobDir = await mkdtemp(path.join(os.tmpdir(), 'livenet-load-'));
  const envValues: Record<string, string> = {
    NODE_ENV: 'production',
    BETTER_AUTH_SECRET: 'livenet-benchmark-secret-not-for-any-deployment',
    DATABASE_URL: database.url,
    BLOB_DIR: blobDir,
    LOG_LEVEL: 'warn',
    LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
    LIVENET_MAX_ACTIVE_RUNS_PER_USER: String(USER_ACTIVE_RUNS),
    LIVENET_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
  };
  // Warnings only: the info line of every request would bury the JSON result on stdout.
  const deps = createServerDeps(loadEnv(envValues), { log: logger.child({}, { level: 'warn' }) });
  const http = await startHttpApi(deps);
  const workers = [0, 1].map(() => startWorker({ ...process.env, ...envValues }));

  try {
    // Background runs belong to one user with a larger quota, so they all queue at once.
    const backgroundOwner = randomUUID();
    await deps.db.user.create({
      data: { id: backgroundOwner, name: 'Background', email: `${backgroundOwner}@example.test` },
    });
    const backgroundDeps = {
      ...deps,
      env: { ...deps.env, LIVENET_MAX_ACTIVE_RUNS_PER_USER: BACKGROUND_RUNS },
    };
    const { createRun } = await import('../server/services/runs');
    const background: string[] = [];
    for (let i = 0; i < BACKGROUND_RUNS; i++) {
      const created = await createRun(backgroundDeps, backgroundOwner, {
        source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
        seed: i,
        ticks: BACKGROUND_TICKS,
      });
      background.push(created.id);
    }

    const users = await Promise.all(
      Array.from({ length: USERS }, async (_, index) => {
        const id = randomUUID();
        await deps.db.user.create({ data: { id, name: `Load ${index}`, email: `${id}@example.test` } });
        const { key } = await createApiKey(deps.auth, id, 'load');
        return { id, client: createApiKeyClient(http.url, key) };
      }),
    );

    const tally: Tally = { latencies: new Map(), statuses: new Map(), otherErrors: [] };
    const loadStart = performance.now();
    const deadline = Date.now() + seconds * 1000;
    const created = await Promise.all(users.map((user) => userLoop(user.client, tally, deadline)));
    const loadMs = performance.now() - loadStart;

    // Drain: wait for every run to reach a final state.
    const drainStart = performance.now();
    let open = Number.POSITIVE_INFINITY;
    while (open > 0 && performance.now() - drainStart < DRAIN_MS) {
      open = await deps.db.run.count({ where: { status: { in: ['queued', 'running'] } } });
      if (open > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const drainMs = performance.now() - drainStart;

    // Check every counter against the database.
    let missingNotebooks = 0;
    let missingRuns = 0;
    for (const [index, user] of users.entries()) {
      const mine = created[index];
      if (!mine) continue;
      const notebookRows = await deps.db.notebook.count({
        where: { ownerId: user.id, id: { in: mine.notebooks } },
      });
      const runRows = await deps.db.run.count({ where: { ownerId: user.id, id: { in: mine.runs } } });
      missingNotebooks += mine.notebooks.length - notebookRows;
      missingRuns += mine.runs.length - runRows;
    }
    const allRuns = await deps.db.run.findMany({
      select: {
        id: true,
        status: true,
        totalTicks: true,
        ticksDone: true,
        chunkTicks: true,
        createdAt: true,
        startedAt: true,
        finishedAt: true,
        timings: true,
        _count: { select: { series: true } },
      },
    });
    const notFinal = allRuns.filter((row) => !FINAL.has(row.status)).length;
    const badCounters = allRuns.filter(
      (row) =>
        row.status === 'succeeded' &&
        (row.ticksDone !== row.totalTicks ||
          row._count.series !== Math.ceil(row.totalTicks / row.chunkTicks)),
    ).length;
    const byStatus = Object.fromEntries(
      [...new Set(allRuns.map((row) => row.status))].map((status) => [
        status,
        allRuns.filter((row) => row.status === status).length,
      ]),
    );

    const latencyMs = Object.fromEntries([...tally.latencies].map(([name, list]) => [name, summarize(list)]));
    const started = allRuns.filter((row) => row.startedAt !== null);
    const queueWaitMs = summarize(
      started.map((row) => (row.startedAt?.getTime() ?? 0) - row.createdAt.getTime()),
    );
    // The worker's own split of each run's time: waiting for a booted thread, session start, ticking,
    // chunk writes, snapshots.
    const runPhaseMs = Object.fromEntries(
      (['bootMs', 'startMs', 'tickMs', 'writeMs', 'checkpointMs'] as const).map((phase) => [
        phase,
        summarize(
          allRuns.flatMap((row) => {
            const value = (row.timings as Record<string, unknown> | null)?.[phase];
            return typeof value === 'number' ? [value] : [];
          }),
        ),
      ]),
    );
    const runWallMs = summarize(
      started
        .filter((row) => row.finishedAt !== null)
        .map((row) => (row.finishedAt?.getTime() ?? 0) - (row.startedAt?.getTime() ?? 0)),
    );
    const statuses = Object.fromEntries(
      [...tally.statuses].map(([status, count]) => [String(status), count]),
    );
    const serverErrors = [...tally.statuses]
      .filter(([status]) => status >= 500 || status === 0)
      .reduce((sum, [, count]) => sum + count, 0);

    const result = {
      benchmark: 'load',
      seconds,
      loadAverageBefore,
      loadAverageAfter: loadAverage(),
      users: USERS,
      userActiveRuns: USER_ACTIVE_RUNS,
      workerConcurrency: WORKER_CONCURRENCY,
      backgroundRuns: background.length,
      loadMs: Math.round(loadMs),
      drainMs: Math.round(drainMs),
      requests: [...tally.statuses.values()].reduce((sum, count) => sum + count, 0),
      statuses,
      serverErrors,
      otherErrors: tally.otherErrors.slice(0, 5),
      notebooksCreated: created.reduce((sum, user) => sum + user.notebooks.length, 0),
      runsCreated: created.reduce((sum, user) => sum + user.runs.length, 0) + background.length,
      runsByStatus: byStatus,
      missingNotebooks,
      missingRuns,
      runsNotFinal: notFinal,
      succeededRunsWithBadCounters: badCounters,
      latencyMs,
      queueWaitMs,
      runWallMs,
      runPhaseMs,
    };
    console.log(json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise((resolve) => (worker.exitCode === null ? worker.once('exit', resolve) : resolve(null))),
      ),
    );
    await http.close();
    await closeServerDeps(deps);
    await database.drop();
    await rm(blobDir, { recursive: true, force: true });
  }
}
