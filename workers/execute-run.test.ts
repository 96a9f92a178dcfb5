/**
 * executeRun driven directly (no queue runner), to interrupt, resume, cancel and fail runs at
 * chosen points. References come from the core run in one piece, in-process.
 */
import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import { RUN_EXECUTE_JOB } from '../server/queue/jobs';
import { useServerFixture } from '../test/server-fixture';
import { TINY_SPEC } from '../test/tiny-spec';
import { type ExecuteRunDeps, RunInterrupted, executeRun } from './execute-run';

const server = useServerFixture({ LIVENET_CHUNK_TICKS: '10', LIVENET_CHECKPOINT_EVERY_TICKS: '20' });

const STIMULUS: [number, number][] = [
  [0, 0],
  [0, 1],
  [2, 0],
  [2, 1],
];

/** Returns a signal that reads as aborted from its `abortAfter`-th check on (one check per chunk). */
function abortAfterChecks(abortAfter: number): AbortSignal {
  let checks = 0;
  return {
    get aborted() {
      checks++;
      return checks >= abortAfter;
    },
  } as AbortSignal;
}

function workerDeps(): ExecuteRunDeps {
  return { db: server.deps.db, blobs: server.deps.blobs, log: server.deps.log };
}

async function createTinyRun(ticks: number) {
  const user = await server.createUser();
  const api = server.caller(user.id);
  const run = await api.runs.create({
    source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
    seed: 7,
    ticks,
  });
  return { user, api, run };
}

function referenceWithStimulusAt(injectTick: number, ticks: number) {
  const session = RunSession.create(parseSpec(TINY_SPEC), { seed: 7, ticks });
  while (!session.done) {
    if (session.tick === injectTick) session.injectSpikes('in', STIMULUS);
    session.advance(10);
  }
  return createHash('sha256').update(session.checkpoint()).digest('hex');
}

describe('executeRun', () => {
  it('resume after interruptions is bit-exact', async () => {
    const { api, run } = await createTinyRun(50);

    // Attempt 1 stops after chunk 2 (tick 20), once the checkpoint at tick 20 is saved.
    await expect(
      executeRun(workerDeps(), run.id, { signal: abortAfterChecks(2), lastAttempt: false }),
    ).rejects.toThrow(RunInterrupted);
    await api.runs.injectStimulus({ runId: run.id, population: 'in', spikes: STIMULUS });

    // Attempt 2 applies the stimulus at tick 20, writes chunk 3 (tick 30), then stops.
    await expect(
      executeRun(workerDeps(), run.id, { signal: abortAfterChecks(1), lastAttempt: false }),
    ).rejects.toThrow(RunInterrupted);

    // Attempt 3 resumes from tick 20, replays chunk 3 with the stimulus, and finishes.
    expect(await executeRun(workerDeps(), run.id, { lastAttempt: true })).toBe('succeeded');

    const series = await server.deps.db.runSeries.findMany({
      where: { runId: run.id },
      orderBy: { seq: 'asc' },
    });
    const injection = await server.deps.db.runEvent.findFirstOrThrow({
      where: { runId: run.id, kind: 'inject.stimulus' },
    });
    const final = (await api.snapshots.list({ runId: run.id })).find((s) => s.kind === 'final');

    expect(series.map((row) => row.tick)).toEqual([10, 20, 30, 40, 50]);
    expect(injection.appliedTick).toBe(20);
    expect(final?.sha256).toBe(referenceWithStimulusAt(20, 50));
    expect((await api.runs.get({ runId: run.id })).status).toBe('succeeded');
  });

  it('fork resumes from the snapshot', async () => {
    const { api, run } = await createTinyRun(50);
    expect(await executeRun(workerDeps(), run.id, { lastAttempt: true })).toBe('succeeded');
    const checkpoint = (await api.snapshots.list({ runId: run.id })).find(
      (s) => s.kind === 'checkpoint' && s.tick === 20,
    );

    const fork = await api.snapshots.fork({ snapshotId: checkpoint?.id ?? '' });
    expect(await executeRun(workerDeps(), fork.id, { lastAttempt: true })).toBe('succeeded');

    const forkSeries = await server.deps.db.runSeries.findMany({
      where: { runId: fork.id },
      orderBy: { seq: 'asc' },
    });
    const forkFinal = (await api.snapshots.list({ runId: fork.id })).find((s) => s.kind === 'final');
    expect(fork.ticksDone).toBe(20);
    expect(forkSeries.map((row) => [row.seq, row.tick])).toEqual([
      [0, 30],
      [1, 40],
      [2, 50],
    ]);
    expect(forkFinal?.sha256).toBe(referenceWithStimulusAt(-1, 50));
  });

  it('stimulus changes the final state', () => {
    // Guards the test above: without the stimulus the final state differs.
    expect(referenceWithStimulusAt(-1, 50)).not.toBe(referenceWithStimulusAt(20, 50));
  });

  it('cancel stops a running run within a chunk', async () => {
    const { api, run } = await createTinyRun(1_000_000);

    const execution = executeRun(workerDeps(), run.id, { lastAttempt: true });
    for (let polls = 0; polls < 200; polls++) {
      const current = await api.runs.get({ runId: run.id });
      if (current.ticksDone > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await api.runs.cancel({ runId: run.id });

    expect(await execution).toBe('cancelled');
    const cancelled = await api.runs.get({ runId: run.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.ticksDone).toBeLessThan(1_000_000);
  });

  it('cancel of queued run removes its job', async () => {
    const { api, run } = await createTinyRun(50);

    await api.runs.cancel({ runId: run.id });

    const jobs = await server.deps.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM graphile_worker.jobs WHERE task_identifier = ${RUN_EXECUTE_JOB} AND key = ${`run:${run.id}`}`;
    expect(Number(jobs[0]?.count)).toBe(0);
    expect((await api.runs.get({ runId: run.id })).status).toBe('cancelled');
    expect(await executeRun(workerDeps(), run.id, { lastAttempt: true })).toBe('skipped');
  });

  it('core failure fails the run at once', async () => {
    const { api, run } = await createTinyRun(50);
    await server.deps.db.run.update({ where: { id: run.id }, data: { spec: { apiVersion: 'livenet/v0' } } });

    expect(await executeRun(workerDeps(), run.id, { lastAttempt: false })).toBe('failed');

    const failed = await api.runs.get({ runId: run.id });
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/apiVersion/);
  });
});
