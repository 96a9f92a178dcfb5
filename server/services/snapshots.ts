/**
 * Snapshots of a user's runs: list, download (bytes checked against the stored SHA-256) and
 * fork, which queues a new run that resumes from the snapshot's state.
 */
import { createHash } from 'node:crypto';

import type { Db } from '../db/client';
import type { ServerDeps } from '../deps';
import { NotFoundError } from '../errors';
import { queueRun } from './runs';
import { snapshotSelect } from './selects';

/** Blob key of a snapshot; one per (run, tick, kind), so a retried write replaces its own blob. */
export function snapshotBlobKey(runId: string, tick: number, kind: string): string {
  return `runs/${runId}/snapshots/${String(tick).padStart(10, '0')}-${kind}.safetensors`;
}

export async function listSnapshots(db: Db, userId: string, runId: string) {
  const run = await db.run.findFirst({ where: { id: runId, ownerId: userId }, select: { id: true } });
  if (!run) throw new NotFoundError('run', runId);
  return db.snapshot.findMany({
    where: { runId },
    orderBy: [{ tick: 'asc' }, { kind: 'asc' }],
    select: snapshotSelect,
  });
}

async function loadOwnedSnapshot(db: Db, userId: string, snapshotId: string) {
  const snapshot = await db.snapshot.findFirst({
    where: { id: snapshotId, run: { ownerId: userId } },
    select: { ...snapshotSelect, blobKey: true },
  });
  if (!snapshot) throw new NotFoundError('snapshot', snapshotId);
  return snapshot;
}

export async function downloadSnapshot(deps: ServerDeps, userId: string, snapshotId: string) {
  const snapshot = await loadOwnedSnapshot(deps.db, userId, snapshotId);

  const bytes = await deps.blobs.get(snapshot.blobKey);
  if (!bytes)
    throw new Error(`snapshot ${snapshotId}: blob ${snapshot.blobKey} is missing from the blob store`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== snapshot.sha256) {
    throw new Error(
      `snapshot ${snapshotId}: blob SHA-256 ${sha256} differs from the recorded ${snapshot.sha256}`,
    );
  }

  const fileName = `livenet-${snapshot.runId}-tick${snapshot.tick}-${snapshot.kind}.safetensors`;
  return { bytes, fileName, sha256, snapshot };
}

/** Queues a new run of the same spec, seed and mode that starts from the snapshot's state. */
export async function forkRunFromSnapshot(deps: ServerDeps, userId: string, snapshotId: string) {
  const snapshot = await loadOwnedSnapshot(deps.db, userId, snapshotId);
  const parent = await deps.db.run.findUniqueOrThrow({
    where: { id: snapshot.runId },
    select: {
      notebookId: true,
      cellId: true,
      spec: true,
      specHash: true,
      seed: true,
      mode: true,
      totalTicks: true,
    },
  });

  const run = await queueRun(deps, userId, {
    notebookId: parent.notebookId,
    cellId: parent.cellId,
    spec: parent.spec ?? {},
    specHash: parent.specHash,
    seed: parent.seed,
    mode: parent.mode,
    totalTicks: parent.totalTicks,
    ticksDone: snapshot.tick,
    forkedFromSnapshotId: snapshot.id,
  });
  deps.log.info({ runId: run.id, snapshotId, parentRunId: snapshot.runId }, 'run forked from snapshot');
  return run;
}
