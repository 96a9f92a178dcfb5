/**
 * Read-only links to a run. The token is 256 random bits (base64url) and is returned once, at
 * creation; only its SHA-256 is stored. A revoked or unknown token is "not found".
 */
import { createHash, randomBytes } from 'node:crypto';

import type { Db } from '../db/client';
import { NotFoundError } from '../errors';
import { runSelect, shareLinkSelect } from './selects';

const TOKEN_BYTES = 32;

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Run fields visible to a share-link holder: no notebook or cancel bookkeeping. */
const {
  notebookId: _notebookId,
  cellId: _cellId,
  cancelRequestedAt: _cancel,
  ...sharedRunSelect
} = runSelect;

export async function createShareLink(db: Db, userId: string, runId: string) {
  const run = await db.run.findFirst({ where: { id: runId, ownerId: userId }, select: { id: true } });
  if (!run) throw new NotFoundError('run', runId);

  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const link = await db.shareLink.create({
    data: { runId, createdById: userId, tokenHash: hashShareToken(token) },
    select: shareLinkSelect,
  });
  return { ...link, token, path: `/s/${token}` };
}

export async function listShareLinks(db: Db, userId: string, runId: string) {
  const run = await db.run.findFirst({ where: { id: runId, ownerId: userId }, select: { id: true } });
  if (!run) throw new NotFoundError('run', runId);
  return db.shareLink.findMany({ where: { runId }, orderBy: { createdAt: 'desc' }, select: shareLinkSelect });
}

export async function revokeShareLink(db: Db, userId: string, shareLinkId: string) {
  const { count } = await db.shareLink.updateMany({
    where: { id: shareLinkId, run: { ownerId: userId }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const link = await db.shareLink.findFirst({
      where: { id: shareLinkId, run: { ownerId: userId } },
      select: shareLinkSelect,
    });
    if (!link) throw new NotFoundError('share link', shareLinkId);
    return link;
  }
  return db.shareLink.findUniqueOrThrow({ where: { id: shareLinkId }, select: shareLinkSelect });
}

/** Returns the id of the run a live token points to. */
export async function resolveShareToken(db: Db, token: string): Promise<string> {
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { runId: true, revokedAt: true },
  });
  if (!link || link.revokedAt) throw new NotFoundError('share link');
  return link.runId;
}

export async function readSharedRun(db: Db, token: string) {
  const runId = await resolveShareToken(db, token);
  return db.run.findUniqueOrThrow({ where: { id: runId }, select: sharedRunSelect });
}
