/**
 * Notebooks of one user. Every function takes the acting user's id and touches only that user's
 * rows. A notebook of someone else is reported as not found, so ids reveal nothing.
 */
import type { Db } from '../db/client';
import { ConflictError, NotFoundError } from '../errors';
import { type Cell, parseNotebookDocument, toNotebookDocument } from './notebook-cells';
import { notebookSelect, notebookSummarySelect } from './selects';

export async function createNotebook(db: Db, userId: string, input: { title: string; cells?: Cell[] }) {
  return db.notebook.create({
    data: { ownerId: userId, title: input.title, cells: toNotebookDocument(input.cells ?? []) },
    select: notebookSummarySelect,
  });
}

export async function listNotebooks(db: Db, userId: string) {
  return db.notebook.findMany({
    where: { ownerId: userId },
    orderBy: { updatedAt: 'desc' },
    select: notebookSummarySelect,
  });
}

export async function getNotebook(db: Db, userId: string, notebookId: string) {
  const notebook = await db.notebook.findUnique({
    where: { id: notebookId, ownerId: userId },
    select: notebookSelect,
  });
  if (!notebook) throw new NotFoundError('notebook', notebookId);
  return { ...notebook, cells: parseNotebookDocument(notebook.cells).cells };
}

export async function renameNotebook(db: Db, userId: string, notebookId: string, title: string) {
  const { count } = await db.notebook.updateMany({
    where: { id: notebookId, ownerId: userId },
    data: { title },
  });
  if (count === 0) throw new NotFoundError('notebook', notebookId);
  return db.notebook.findUniqueOrThrow({ where: { id: notebookId }, select: notebookSummarySelect });
}

/** Deletes a notebook; its runs stay, detached from it. */
export async function deleteNotebook(db: Db, userId: string, notebookId: string): Promise<void> {
  const { count } = await db.notebook.deleteMany({ where: { id: notebookId, ownerId: userId } });
  if (count === 0) throw new NotFoundError('notebook', notebookId);
}

/**
 * Replaces the cells if the notebook is still at `baseVersion`, and returns the new version.
 * The version check and the write are one UPDATE, so two concurrent saves cannot both win.
 */
export async function saveNotebookCells(
  db: Db,
  userId: string,
  input: { notebookId: string; baseVersion: number; cells: Cell[] },
) {
  const { count } = await db.notebook.updateMany({
    where: { id: input.notebookId, ownerId: userId, version: input.baseVersion },
    data: { cells: toNotebookDocument(input.cells), version: { increment: 1 } },
  });
  if (count === 1)
    return db.notebook.findUniqueOrThrow({ where: { id: input.notebookId }, select: notebookSummarySelect });

  const current = await db.notebook.findFirst({
    where: { id: input.notebookId, ownerId: userId },
    select: { version: true },
  });
  if (!current) throw new NotFoundError('notebook', input.notebookId);
  throw new ConflictError(
    `notebook ${input.notebookId} is at version ${current.version}, not ${input.baseVersion}: reload it and apply your changes again`,
  );
}
