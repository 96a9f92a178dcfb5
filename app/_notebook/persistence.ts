/**
 * Storage of each kind of cell. The server's notebook document contains the markdown and spec
 * cells. Run cells live in this browser's localStorage, keyed by notebook, each with the id of the
 * cell it follows, so the order survives a reload.
 *
 * NOTE: run cells (their settings and last run) stay on one browser until the notebook API
 * stores cells of type `run`; runs themselves are on the server either way.
 */
import { z } from 'zod';

import { runCellSchema, type MarkdownCell, type NotebookCell, type RunCell, type SpecCell } from './cells';

export type ServerCell = MarkdownCell | SpecCell;

const storedRunCellsSchema = z.object({
  version: z.literal(1),
  cells: z.array(z.object({ afterCellId: z.string().nullable(), cell: runCellSchema })),
});

const storageKey = (notebookId: string) => `livenet:notebook:${notebookId}:run-cells`;

/** Returns the cells the server stores, in notebook order. */
export function serverCells(cells: readonly NotebookCell[]): ServerCell[] {
  return cells.filter((cell): cell is ServerCell => cell.type !== 'run');
}

/** Run cells with the id of the cell before each (null at the top). */
export function runCellPlacements(cells: readonly NotebookCell[]) {
  return cells.flatMap((cell, index) =>
    cell.type === 'run' ? [{ afterCellId: cells[index - 1]?.id ?? null, cell }] : [],
  );
}

export function saveRunCells(notebookId: string, cells: readonly NotebookCell[]): void {
  try {
    const value = { version: 1 as const, cells: runCellPlacements(cells) };
    window.localStorage.setItem(storageKey(notebookId), JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): run cells then last for this page view only.
  }
}

export function loadRunCells(notebookId: string): { afterCellId: string | null; cell: RunCell }[] {
  try {
    const raw = window.localStorage.getItem(storageKey(notebookId));
    if (!raw) return [];
    const parsed = storedRunCellsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.cells : [];
  } catch {
    return [];
  }
}

/**
 * Puts stored run cells back among the server's cells, each after the cell it followed; one
 * whose neighbour was deleted elsewhere goes to the end.
 */
export function mergeCells(
  server: readonly ServerCell[],
  stored: readonly { afterCellId: string | null; cell: RunCell }[],
): NotebookCell[] {
  const merged: NotebookCell[] = [...server];
  const placed = new Set<string>();

  // Repeated passes place run cells that follow other run cells.
  for (let pass = 0; pass <= stored.length; pass++) {
    for (const { afterCellId, cell } of stored) {
      if (placed.has(cell.id)) continue;
      const index = afterCellId === null ? -1 : merged.findIndex((candidate) => candidate.id === afterCellId);
      if (afterCellId !== null && index < 0) continue;
      merged.splice(index + 1, 0, cell);
      placed.add(cell.id);
    }
  }

  for (const { cell } of stored) if (!placed.has(cell.id)) merged.push(cell);
  return merged;
}
