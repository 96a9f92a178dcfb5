/**
 * A real STDP run on 300 MNIST digits through the whole platform: created through the API,
 * executed by graphile-worker in a pooled thread, its series in PostgreSQL and its snapshots in
 * the blob store. The final snapshot is read back as safetensors and checked against the same
 * run computed in one piece in this process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Runner } from 'graphile-worker';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RunSession, decodeSafetensors, parseSpec } from '../core';
import { downloadSnapshot } from '../server/services/snapshots';
import { useServerFixture } from '../test/server-fixture';
import { startTestRunner } from '../test/test-worker';
import { RunThreadPool } from './thread/run-thread-pool';

const SAMPLES = 300;
// A digit shows for 100 ticks of 0.5 ms and the input rests for 20: 36,000 ticks in all.
const PRESENT_TICKS = 100;
const REST_TICKS = 20;
const TICKS = SAMPLES * (PRESENT_TICKS + REST_TICKS);
const CHUNK_TICKS = 3_000;
const SEED = 11;

/** Reads the README's MNIST example and sets 300 training digits, each shown for a shorter time. */
function mnistSpec(): Record<string, unknown> {
  const text = readFileSync(path.join(import.meta.dirname, '..', 'examples', 'mnist-stdp.yaml'), 'utf8');
  const spec = parseYaml(text) as { stimulus: { data: Record<string, unknown> }[] };
  Object.assign(spec.stimulus[0]!.data, {
    samples: SAMPLES,
    presentTicks: PRESENT_TICKS,
    restTicks: REST_TICKS,
  });
  return spec;
}

const server = useServerFixture({
  LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
  LIVENET_CHECKPOINT_EVERY_TICKS: String(TICKS / 2),
});
let runner: Runner;
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

describe('MNIST STDP run on a worker', () => {
  it('learns 300 digits end to end', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const spec = mnistSpec();

    const created = await api.runs.create({
      source: { kind: 'spec', spec: { format: 'json', value: spec } },
      seed: SEED,
    });
    expect(created.totalTicks).toBe(TICKS);

    let finished = await api.runs.get({ runId: created.id });
    const deadline = Date.now() + 150_000;
    while ((finished.status === 'queued' || finished.status === 'running') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      finished = await api.runs.get({ runId: created.id });
    }
    expect(finished.status).toBe('succeeded');
    expect(finished.ticksDone).toBe(TICKS);

    // Series in PostgreSQL: one row per chunk, in order, the last one at the final tick.
    const series = await server.deps.db.runSeries.findMany({
      where: { runId: created.id },
      orderBy: { seq: 'asc' },
      select: { seq: true, tick: true },
    });
    expect(series).toHaveLength(TICKS / CHUNK_TICKS);
    expect(series.map((row) => row.tick)).toEqual(series.map((_, index) => (index + 1) * CHUNK_TICKS));

    // Snapshots in the blob store: the checkpoint halfway and the final state.
    const snapshots = await api.snapshots.list({ runId: created.id });
    expect(snapshots.map((snapshot) => `${snapshot.kind}@${snapshot.tick}`)).toEqual([
      `checkpoint@${TICKS / 2}`,
      `final@${TICKS}`,
    ]);
    const final = snapshots.find((snapshot) => snapshot.kind === 'final')!;
    const { bytes } = await downloadSnapshot(server.deps, user.id, final.id);

    // The safetensors header and tensors, read back.
    const { tensors, metadata } = decodeSafetensors(bytes);
    expect(metadata['tick']).toBe(String(TICKS));
    expect(metadata['seed']).toBe(String(SEED));
    expect(metadata['mode']).toBe('fixed');
    const weights = Array.from(tensors['weights.input-exc']!.data);
    expect(weights).toHaveLength(784 * 20);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...weights)).toBeLessThanOrEqual(127);

    // The same run in one piece in this process: STDP moved the weights, and the worker's
    // final weights are the same to the bit.
    const reference = RunSession.create(parseSpec(spec), { seed: SEED, ticks: TICKS });
    const initial = Array.from(reference.simulator.weights[0]!);
    while (!reference.done) reference.advance(CHUNK_TICKS);
    expect(weights).not.toEqual(initial);
    expect(weights).toEqual(Array.from(reference.simulator.weights[0]!));
  }, 240_000);
});
