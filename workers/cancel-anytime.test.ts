/**
 * A cancel that lands at a random moment of a running run: the worker writes at most one more
 * chunk after the request is stored, every chunk it kept is the one an uncancelled run writes,
 * and every snapshot it kept still points at a verified blob.
 */
import { createHash } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { RunSession, parseSpec } from '../core';
import { useServerFixture } from '../test/server-fixture';
import { TINY_SPEC } from '../test/tiny-spec';
import { executeRun } from './execute-run';

const CHUNK_TICKS = 10;
const TICKS = 400;
const server = useServerFixture(
  {
    LIVENET_CHUNK_TICKS: String(CHUNK_TICKS),
    LIVENET_CHECKPOINT_EVERY_TICKS: '50',
  },
  { isolated: true },
);

function referenceChunkTicks(): number[] {
  const session = RunSession.create(parseSpec(TINY_SPEC), { seed: 3, ticks: TICKS });
  const ticks: number[] = [];
  while (!session.done) ticks.push(session.advance(CHUNK_TICKS).tick);
  return ticks;
}

describe('cancel at any moment', () => {
  it('stops within one chunk', async () => {
    const reference = referenceChunkTicks();
    const { db } = server.deps;

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 250 }), async (delayMs) => {
        const user = await server.createUser();
        const api = server.caller(user.id);
        const run = await api.runs.create({
          source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
          seed: 3,
          ticks: TICKS,
        });

        const execution = executeRun({ db, blobs: server.deps.blobs, log: server.deps.log }, run.id, {
          lastAttempt: true,
        });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const cancel = await api.runs.cancel({ runId: run.id }).catch(() => null);
        const chunksAtCancel = await db.runSeries.count({ where: { runId: run.id } });
        const result = await execution;

        const rows = await db.runSeries.findMany({ where: { runId: run.id }, orderBy: { seq: 'asc' } });
        const snapshots = await db.snapshot.findMany({ where: { runId: run.id } });
        const blobsIntact = await Promise.all(
          snapshots.map(async (snapshot) => {
            const bytes = await server.deps.blobs.get(snapshot.blobKey);
            return bytes !== null && createHash('sha256').update(bytes).digest('hex') === snapshot.sha256;
          }),
        );

        // A cancel that came after the last chunk finds the run already succeeded (a conflict).
        if (cancel === null) {
          expect(result).toBe('succeeded');
          return;
        }
        // A cancel that came before the worker claimed the run cancels it while queued.
        expect(result).toBe(rows.length === 0 ? 'skipped' : 'cancelled');
        expect(rows.length).toBeLessThanOrEqual(chunksAtCancel + 1);
        expect(rows.map((row) => row.tick)).toEqual(reference.slice(0, rows.length));
        expect(blobsIntact.every(Boolean)).toBe(true);
        expect((await api.runs.get({ runId: run.id })).status).toBe('cancelled');
      }),
      { numRuns: 6 },
    );
  });
});
