/**
 * Loading a notebook's cells. The server's notebook document stores every cell, run cells
 * included. Earlier versions kept run cells in this browser's localStorage, keyed by notebook,
 * each with the id of the cell it followed. Those cells are merged into a notebook whose stored
 * document has no run cells yet, and the next save moves them to the server.
 */
import { z } from 'zod';

import { runCellSchema, type NotebookCell, type RunCell } from './cells';

const legacyRunCellsSchema = z.object({
  version: z.literal(1),
  cells: z.array(z.object({ afterCellId: z.string().nullable(), cell: runCellSchema })),
});

export type RunCellPlacement = { afterCellId: string | null; cell: RunCell };

const legacyStorageKey = (notebookId: string) => `livenet:notebook:${notebookId}:run-cells`;

/** Returns the run cells an earlier version kept in this browser for a notebook, or none. */
export function loadLegacyRunCells(notebookId: string): RunCellPlacement[] {
  try {
    const raw = window.localStorage.getItem(legacyStorageKey(notebookId));
    if (!raw) return [];
    const parsed = legacyRunCellsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.cells : [];
  } catch {
    return [];
  }
}

/** Removes the browser copy once the server stores the run cells. */
export function forgetLegacyRunCells(notebookId: string): void {
  try {
    window.localStorage.removeItem(legacyStorageKey(notebookId));
  } catch {
    // Storage disabled (private mode): there is nothing to remove.
  }
}

/** Run cells with the id of the cell before each (null at the top). */
export function runCellPlacements(cells: readonly NotebookCell[]): RunCellPlacement[] {
  return cells.flatMap((cell, index) =>
    cell.type === 'run' ? [{ afterCellId: cells[index - 1]?.id ?? null, cell }] : [],
  );
}

/**
 * Puts run cells back among the other cells, each after the cell it followed; one whose
 * neighbour was deleted elsewhere goes to the end. A notebook that already stores run cells
 * keeps its own, because the server's copy is the newer one.
 */
export function mergeCells(
  stored: readonly NotebookCell[],
  legacy: readonly RunCellPlacement[],
): NotebookCell[] {
  if (stored.some((cell) => cell.type === 'run')) return [...stored];

  const merged: NotebookCell[] = [...stored];
  const placed = new Set<string>();

  // Repeated passes place run cells that follow other run cells.
  for (let pass = 0; pass <= legacy.length; pass++) {
    for (const { afterCellId, cell } of legacy) {
      if (placed.has(cell.id)) continue;
      const index = afterCellId === null ? -1 : merged.findIndex((candidate) => candidate.id === afterCellId);
      if (afterCellId !== null && index < 0) continue;
      merged.splice(index + 1, 0, cell);
      placed.add(cell.id);
    }
  }

  for (const { cell } of legacy) if (!placed.has(cell.id)) merged.push(cell);
  return merged;
}
