/**
 * Deletes a finished run of its owner, with its series, events, snapshots and their blobs.
 *
 * The rows go first and the blobs after, so a Snapshot row never points at a deleted blob. A
 * blob whose delete fails after the rows are gone is an orphan that takes space but is never
 * read; it is logged with its key so it can be removed later.
 */
import type { ServerDeps } from '../deps';
import { ConflictError, NotFoundError } from '../errors';

export async function deleteRun(deps: ServerDeps, userId: string, runId: string): Promise<{ runId: string }> {
  const { db, log } = deps;

  const blobKeys = await db.$transaction(async (tx) => {
    const run = await tx.run.findFirst({
      where: { id: runId, ownerId: userId },
      select: { status: true },
    });
    if (!run) throw new NotFoundError('run', runId);

    // A worker may still write chunks and snapshots of an active run.
    if (run.status === 'queued' || run.status === 'running') {
      throw new ConflictError(`run ${runId} is ${run.status}: cancel it before deleting it`);
    }

    // A fork that has no checkpoint of its own yet resumes from its parent's snapshot.
    const activeFork = await tx.run.findFirst({
      where: { forkedFrom: { runId }, status: { in: ['queued', 'running'] } },
      select: { id: true },
    });
    if (activeFork) {
      throw new ConflictError(
        `run ${runId} has a snapshot that run ${activeFork.id} is starting from: wait for that run to finish`,
      );
    }

    const snapshots = await tx.snapshot.findMany({ where: { runId }, select: { blobKey: true } });
    await tx.run.delete({ where: { id: runId } });
    return snapshots.map((snapshot) => snapshot.blobKey);
  });

  for (const key of blobKeys) {
    try {
      await deps.blobs.delete(key);
    } catch (error) {
      log.error({ err: error, runId, blobKey: key }, 'deleting a snapshot blob of a deleted run failed');
    }
  }

  log.info({ runId, userId, blobs: blobKeys.length }, 'run deleted');
  return { runId };
}
