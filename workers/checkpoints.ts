/**
 * Saving and loading run state. A checkpoint's blob is written, read back and compared by SHA-256
 * before its Snapshot row is written, so a row always points at a complete, verified blob.
 */
import { createHash } from 'node:crypto';

import type { BlobStore } from '../server/blob';
import type { Db } from '../server/db/client';
import { snapshotBlobKey } from '../server/services/snapshots';

export type SnapshotKind = 'checkpoint' | 'final';

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function saveSnapshot(
  db: Db,
  blobs: BlobStore,
  runId: string,
  tick: number,
  kind: SnapshotKind,
  bytes: Uint8Array,
) {
  const key = snapshotBlobKey(runId, tick, kind);
  const sha256 = sha256Hex(bytes);

  await blobs.put(key, bytes);
  const stored = await blobs.get(key);
  if (!stored || sha256Hex(stored) !== sha256) {
    throw new Error(`snapshot blob ${key} failed verification after writing (expected SHA-256 ${sha256})`);
  }

  // Upsert: a retried attempt that reaches the same tick rewrites the same snapshot.
  return db.snapshot.upsert({
    where: { runId_tick_kind: { runId, tick, kind } },
    create: { runId, tick, kind, blobKey: key, sha256, bytes: bytes.byteLength },
    update: { blobKey: key, sha256, bytes: bytes.byteLength },
    select: { id: true, tick: true },
  });
}

/** Reads a snapshot's bytes and checks them against the recorded SHA-256. */
export async function loadSnapshotBytes(
  db: Db,
  blobs: BlobStore,
  snapshotId: string,
): Promise<{ tick: number; bytes: Uint8Array }> {
  const snapshot = await db.snapshot.findUniqueOrThrow({
    where: { id: snapshotId },
    select: { tick: true, blobKey: true, sha256: true },
  });
  const bytes = await blobs.get(snapshot.blobKey);
  if (!bytes) throw new Error(`snapshot ${snapshotId}: blob ${snapshot.blobKey} is missing`);
  if (sha256Hex(bytes) !== snapshot.sha256)
    throw new Error(`snapshot ${snapshotId}: blob ${snapshot.blobKey} does not match its SHA-256`);
  return { tick: snapshot.tick, bytes };
}

/**
 * Finds the snapshot a run starts from: its own latest checkpoint (a retried attempt), else the
 * snapshot it was forked from, else null (a fresh start).
 */
export async function findResumePoint(
  db: Db,
  run: { id: string; forkedFromSnapshotId: string | null },
): Promise<string | null> {
  const own = await db.snapshot.findFirst({
    where: { runId: run.id, kind: 'checkpoint' },
    orderBy: { tick: 'desc' },
    select: { id: true },
  });
  return own?.id ?? run.forkedFromSnapshotId;
}
