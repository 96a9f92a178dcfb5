/**
 * The script client in `examples/client.ts`, run as a child process against the app's real route
 * handlers (tRPC and snapshot download) on 127.0.0.1, a real worker and a real PostgreSQL. It must
 * create a run from a spec file, print the run's progress, and save the final snapshot. Its error
 * cases must end with one clear line and their own exit status.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { type Runner, run } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { GET as snapshotGet } from '../app/api/snapshots/[snapshotId]/route';
import { GET as trpcGet, POST as trpcPost } from '../app/api/trpc/[trpc]/route';
import { decodeSafetensors, parseSpecYaml, specHash } from '../core';
import type { ServerDeps } from '../server/deps';
import { queueLogger } from '../server/queue/migrate';
import { createApiKey } from '../server/services/api-keys';
import { createTaskList } from '../workers/tasks';
import { useServerFixture } from './server-fixture';

// The route handlers import through the `@/` path alias of tsconfig.json, which vitest does not
// read, so each aliased module is the real one under its relative path.
vi.mock('@/server/deps', () => import('../server/deps'));
vi.mock('@/server/errors', () => import('../server/errors'));
vi.mock('@/server/services/snapshots', () => import('../server/services/snapshots'));
vi.mock('@/server/trpc/context', () => import('../server/trpc/context'));
vi.mock('@/server/trpc/router', () => import('../server/trpc/router'));

const ROOT = path.resolve(import.meta.dirname, '..');
const MNIST_SPEC = path.join(ROOT, 'examples', 'mnist-stdp.yaml');
const CHUNK_TICKS = 500;
/** Three digits of 700 + 300 ticks each. */
const RUN_TICKS = 3_000;

const server = useServerFixture({ LIVENET_CHUNK_TICKS: String(CHUNK_TICKS), LOG_LEVEL: 'warn' });
const holder = globalThis as typeof globalThis & { livenetServerDeps?: ServerDeps };
let runner: Runner;
let http: ReturnType<typeof createServer>;
let baseUrl = '';
let tempDir = '';
let apiKey = '';

function toRequest(message: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = message.method !== 'GET' && message.method !== 'HEAD';
  return new Request(new URL(message.url ?? '/', baseUrl), {
    method: message.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(message), duplex: 'half' } : {}),
  } as RequestInit);
}

/** Routes a request to the same handlers Next.js mounts under app/api. */
async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const snapshot = /^\/api\/snapshots\/([^/]+)$/.exec(pathname);
  if (snapshot?.[1] !== undefined && request.method === 'GET') {
    return snapshotGet(request, { params: Promise.resolve({ snapshotId: snapshot[1] }) });
  }
  if (pathname.startsWith('/api/trpc/'))
    return request.method === 'POST' ? trpcPost(request) : trpcGet(request);
  return new Response('not found', { status: 404 });
}

function serve(message: IncomingMessage, response: ServerResponse): void {
  void dispatch(toRequest(message)).then((result) => {
    response.writeHead(result.status, Object.fromEntries(result.headers));
    if (result.body) Readable.fromWeb(result.body as NodeReadableStream).pipe(response);
    else response.end();
  });
}

interface ClientResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runClient(args: string[], env: Record<string, string>): Promise<ClientResult> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [path.join(ROOT, 'examples', 'client.ts'), ...args],
      { cwd: tempDir, env: { ...process.env, ...env }, timeout: 50_000 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error !== null) code = typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  holder.livenetServerDeps = server.deps;
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'livenet-client-'));

  http = createServer(serve);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  runner = await run({
    connectionString: server.databaseUrl,
    concurrency: 1,
    taskList: createTaskList({ db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log }),
    logger: queueLogger,
    pollInterval: 200,
  });

  const user = await server.createUser();
  apiKey = (await createApiKey(server.deps.auth, user.id, 'client example')).key;
});

afterAll(async () => {
  await runner?.stop();
  http?.closeAllConnections();
  await new Promise((resolve) => http?.close(resolve));
  delete holder.livenetServerDeps;
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe('examples/client.ts', () => {
  it('runs MNIST spec and saves snapshot', async () => {
    const result = await runClient(
      [MNIST_SPEC, '--seed', '5', '--ticks', String(RUN_TICKS), '--out', 'final.safetensors'],
      { LIVENET_URL: baseUrl, LIVENET_API_KEY: apiKey },
    );
    const lines = result.stdout.trim().split('\n');
    const runId = /^run (\S+) created/.exec(lines[0] ?? '')?.[1] ?? '';
    const progress = lines.filter((line) => line.startsWith('tick '));

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines[0]).toBe(`run ${runId} created: ${RUN_TICKS} ticks, seed 5, mode fixed`);
    expect(progress.map((line) => Number(line.split(' ')[1]))).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    // A digit ends every 1,000 ticks, so the samples counter reaches 3 at the last chunk.
    expect(progress.at(-1)).toMatch(/^tick 3000 samples 3 accuracy (\S+) spikes exc=\d+ input=\d+$/);
    expect(lines).toContain(`status succeeded at tick ${RUN_TICKS}/${RUN_TICKS}`);
    expect(lines.at(-1)).toMatch(/^saved final snapshot \(tick 3000, \d+ bytes\) to final\.safetensors$/);

    const stored = await server.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(stored.status).toBe('succeeded');

    const { metadata } = decodeSafetensors(await readFile(path.join(tempDir, 'final.safetensors')));
    const parsed = parseSpecYaml(await readFile(MNIST_SPEC, 'utf8'));
    expect(metadata['seed']).toBe(String(stored.seed));
    expect(metadata['seed']).toBe('5');
    expect(metadata['tick']).toBe(String(stored.ticksDone));
    expect(metadata['tick']).toBe(String(RUN_TICKS));
    expect(metadata['specHash']).toBe('spec' in parsed ? specHash(parsed.spec) : 'unparsed spec');
  });
});

// Each error case spawns its own client and shares nothing, so they run at the same time.
describe.concurrent('examples/client.ts errors', () => {
  it('rejected API key exits 3', async ({ expect }) => {
    const result = await runClient([MNIST_SPEC], { LIVENET_URL: baseUrl, LIVENET_API_KEY: 'not-a-key' });

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: authentication failed: .*API key.*LIVENET_API_KEY\)\n$/);
  });

  it('invalid spec names path and value', async ({ expect }) => {
    const badSpec = path.join(tempDir, 'bad.yaml');
    const text = (await readFile(MNIST_SPEC, 'utf8')).replace('dtMs: 0.5', 'dtMs: -2');
    await writeFile(badSpec, text);

    const result = await runClient([badSpec], { LIVENET_URL: baseUrl, LIVENET_API_KEY: apiKey });

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(`${badSpec}: invalid spec: dtMs`);
    expect(result.stderr).toContain('(got -2)');
  });

  it('unreachable server exits 4', async ({ expect }) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));

    const result = await runClient([MNIST_SPEC], { LIVENET_URL: deadUrl, LIVENET_API_KEY: apiKey });

    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `error: cannot reach the Livenet server at ${deadUrl} (ECONNREFUSED): start it with "npm start" or set LIVENET_URL\n`,
    );
  });
});
