/**
 * The whole life of a run against a real PostgreSQL and a real graphile-worker: create through
 * the API, execution in a worker thread, progress over the subscription, checkpoints in the blob
 * store, and the final status. The reference for the numbers is the core run in one piece,
 * in-process: the platform must not change a single spike.
 */
import { createHash } from 'node:crypto';

import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import type { ProgressMessage } from '../server/services/run-progress';
import { downloadSnapshot } from '../server/services/snapshots';
import { createApiKeyClient, startHttpApi } from '../test/http-api';
import { useServerFixture } from '../test/server-fixture';
import { startTestRunner } from '../test/test-worker';
import { TINY_SPEC } from '../test/tiny-spec';
import { readTracked } from '../test/tracked';
import { RunThreadPool } from './thread/run-thread-pool';

const server = useServerFixture({ LIVENET_CHUNK_TICKS: '10', LIVENET_CHECKPOINT_EVERY_TICKS: '20' });
let runner: Runner;
// One pooled thread, as in a worker of concurrency 1, so the runs below reuse it one after another.
let threads: RunThreadPool;

beforeAll(async () => {
  threads = new RunThreadPool(1, server.deps.log);
  threads.warm();
  runner = await startTestRunner(server, threads);
});

afterAll(async () => {
  await runner?.stop();
  await threads?.close();
});

function referenceRun(ticks: number) {
  const session = RunSession.create(parseSpec(TINY_SPEC), { seed: 7, ticks });
  let outSpikes = 0;
  while (!session.done) outSpikes += session.advance(10).spikeCounts['out'] ?? 0;
  return { outSpikes, finalSha256: createHash('sha256').update(session.checkpoint()).digest('hex') };
}

describe('run lifecycle', () => {
  it('runs to success with checkpoints', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const created = await api.runs.create({
      source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
      seed: 7,
      ticks: 50,
    });
    expect(created.status).toBe('queued');

    const messages: { id: string; data: ProgressMessage }[] = [];
    for await (const item of await api.runs.progress({ runId: created.id })) {
      const envelope = readTracked(item);
      messages.push(envelope);
      if (
        envelope.data.type === 'status' &&
        ['succeeded', 'failed', 'cancelled'].includes(envelope.data.status)
      )
        break;
    }

    const chunks = messages.flatMap((m) => (m.data.type === 'chunk' ? [m.data] : []));
    const statuses = messages.flatMap((m) => (m.data.type === 'status' ? [m.data.status] : []));
    const outSpikes = chunks.reduce(
      (sum, chunk) => sum + ((chunk.data as { spikeCounts: Record<string, number> }).spikeCounts['out'] ?? 0),
      0,
    );
    const reference = referenceRun(50);

    expect(chunks.map((chunk) => chunk.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(chunks.map((chunk) => chunk.tick)).toEqual([10, 20, 30, 40, 50]);
    expect(statuses.at(-1)).toBe('succeeded');
    expect(outSpikes).toBe(reference.outSpikes);

    const snapshots = await api.snapshots.list({ runId: created.id });
    expect(snapshots.map((s) => `${s.kind}@${s.tick}`)).toEqual([
      'checkpoint@20',
      'checkpoint@40',
      'final@50',
    ]);

    const final = snapshots.find((s) => s.kind === 'final');
    const download = await downloadSnapshot(server.deps, user.id, final?.id ?? '');
    expect(download.sha256).toBe(reference.finalSha256);

    const finished = await api.runs.get({ runId: created.id });
    expect(finished.ticksDone).toBe(50);
    expect(finished.finishedAt).not.toBeNull();

    // A client that reconnects with any event id gets exactly the chunks and events after it,
    // and then the current status (a status is a state, so only the latest one is resent).
    const rowsOf = (items: typeof messages) =>
      items.flatMap((m) => (m.data.type === 'status' ? [] : [m.data]));
    for (let cut = 0; cut < messages.length; cut++) {
      const resumed: { id: string; data: ProgressMessage }[] = [];
      for await (const item of await api.runs.progress({
        runId: created.id,
        lastEventId: messages[cut]?.id ?? null,
      })) {
        resumed.push(readTracked(item));
      }
      expect(rowsOf(resumed)).toEqual(rowsOf(messages.slice(cut + 1)));
      const lastStatus = resumed.at(-1)?.data;
      if (cut === messages.length - 1) {
        expect(resumed).toEqual([]);
      } else {
        expect(lastStatus?.type).toBe('status');
        expect(lastStatus?.type === 'status' ? lastStatus.status : null).toBe('succeeded');
      }
    }
  });

  it('progress streams over HTTP SSE', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const { key } = await api.apiKeys.create({ name: 'sse test' });
    const http = await startHttpApi(server.deps);
    const client = createApiKeyClient(http.url, key);

    try {
      const created = await client.runs.create.mutate({
        source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
        seed: 7,
        ticks: 30,
      });
      const received = await new Promise<{ id: string; data: ProgressMessage }[]>((resolve, reject) => {
        const items: { id: string; data: ProgressMessage }[] = [];
        const subscription = client.runs.progress.subscribe(
          { runId: created.id },
          {
            onData: (item) => {
              items.push(item);
              if (item.data.type === 'status' && item.data.status === 'succeeded') {
                subscription.unsubscribe();
                resolve(items);
              }
            },
            onError: reject,
          },
        );
      });

      const chunkTicks = received.flatMap((item) => (item.data.type === 'chunk' ? [item.data.tick] : []));
      expect(chunkTicks).toEqual([10, 20, 30]);
      expect(received.at(-1)?.id).toMatch(/^3\.\d+\.3$/);
    } finally {
      await http.close();
    }
  });

  it('shutdown requeues without using an attempt', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const created = await api.runs.create({
      source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
      seed: 7,
      ticks: 1_000_000,
    });
    for (let polls = 0; polls < 400 && (await api.runs.get({ runId: created.id })).ticksDone < 30; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    await runner.stop();
    const jobs = await server.deps.db.$queryRaw<{ attempts: number }[]>`
      SELECT attempts FROM graphile_worker.jobs WHERE key = ${`run:${created.id}`}`;
    const interrupted = await api.runs.get({ runId: created.id });

    expect(jobs).toEqual([{ attempts: 0 }]);
    expect(interrupted.status).toBe('running');
    expect((await api.snapshots.list({ runId: created.id })).length).toBeGreaterThan(0);

    // A new worker resumes the run; cancelling it then ends the test.
    runner = await startTestRunner(server, threads);
    for (
      let polls = 0;
      polls < 400 && (await api.runs.get({ runId: created.id })).ticksDone <= interrupted.ticksDone;
      polls++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await api.runs.cancel({ runId: created.id });
    for (
      let polls = 0;
      polls < 400 && (await api.runs.get({ runId: created.id })).status === 'running';
      polls++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const resumed = await api.runs.get({ runId: created.id });
    expect(resumed.ticksDone).toBeGreaterThan(interrupted.ticksDone);
    expect(resumed.status).toBe('cancelled');
  });
});
