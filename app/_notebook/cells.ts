/**
 * The notebook as the page edits it: markdown cells, network (spec) cells and run cells. A run
 * cell names the network cell it runs and the settings of the next run. The server stores all
 * three kinds.
 */
import type { z } from 'zod';

import { runCellSchema } from '@/server/services/notebook-cells';

import type { NotebookTemplate } from '../_templates';

/** Run cells have one schema, the server's, which validates every save. */
export { runCellSchema };

export type RunCell = z.infer<typeof runCellSchema>;
export type MarkdownCell = { id: string; type: 'markdown'; source: string };
export type SpecCell = { id: string; type: 'spec'; source: string };
export type NotebookCell = MarkdownCell | SpecCell | RunCell;
export type CellType = NotebookCell['type'];

/** Returns a fresh cell id of 12 random base-36 characters. */
export function newCellId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}

export function newRunCell(specCellId: string | null): RunCell {
  return {
    id: newCellId(),
    type: 'run',
    specCellId,
    mode: null,
    seed: null,
    ticks: null,
    split: null,
    samples: null,
    lastRunId: null,
  };
}

export function newCell(type: CellType, specCellId: string | null = null): NotebookCell {
  if (type === 'run') return newRunCell(specCellId);
  return {
    id: newCellId(),
    type,
    source: type === 'spec' ? 'apiVersion: livenet/v1\nname: network\ndtMs: 1\npopulations:\n  - ' : '',
  };
}

/** Returns a template's cells with ids, each run cell pointing at the spec cell above it. */
export function cellsFromTemplate(template: NotebookTemplate): NotebookCell[] {
  let lastSpecId: string | null = null;
  return template.cells.map((cell): NotebookCell => {
    if (cell.type === 'run') {
      return { ...newRunCell(lastSpecId), mode: cell.mode, seed: cell.seed, ticks: cell.ticks };
    }
    const id = newCellId();
    if (cell.type === 'spec') lastSpecId = id;
    return { id, type: cell.type, source: cell.source };
  });
}

/** Finds the network cell a run cell runs: its own choice when it still exists, else the nearest above. */
export function resolveSpecCell(cells: readonly NotebookCell[], runCellId: string): SpecCell | null {
  const index = cells.findIndex((cell) => cell.id === runCellId);
  const runCell = cells[index];
  if (!runCell || runCell.type !== 'run') return null;

  const chosen = cells.find(
    (cell): cell is SpecCell => cell.type === 'spec' && cell.id === runCell.specCellId,
  );
  if (chosen) return chosen;
  for (let i = index - 1; i >= 0; i--) {
    const cell = cells[i];
    if (cell?.type === 'spec') return cell;
  }
  return null;
}

/** Finds the run cell that Shift+Enter in a network cell starts: the first below that runs it. */
export function runCellFor(cells: readonly NotebookCell[], specCellId: string): RunCell | null {
  const index = cells.findIndex((cell) => cell.id === specCellId);
  for (let i = index + 1; i < cells.length; i++) {
    const cell = cells[i];
    if (cell?.type === 'run' && resolveSpecCell(cells, cell.id)?.id === specCellId) return cell;
  }
  return null;
}

/** Labels a spec cell by the network name in its YAML, or by its position when it has none. */
export function specCellLabel(cells: readonly NotebookCell[], cell: SpecCell): string {
  const name = /^name:\s*([A-Za-z][\w-]*)/m.exec(cell.source)?.[1];
  const position =
    cells
      .filter((candidate) => candidate.type === 'spec')
      .findIndex((candidate) => candidate.id === cell.id) + 1;
  return name ? `${name} (network ${position})` : `network ${position}`;
}

/**
 * Adds a run cell after every network cell of a notebook that stores no run cells, which is one
 * saved before run cells were stored, so each of its networks can still run. A notebook that
 * stores any run cell comes back exactly as saved: its network cells without a run cell are the
 * user's choice (a text cell changed to a network cell, a run cell deleted).
 */
export function ensureRunCells(cells: readonly NotebookCell[]): NotebookCell[] {
  if (cells.some((cell) => cell.type === 'run')) return [...cells];

  return cells.flatMap((cell): NotebookCell[] =>
    cell.type === 'spec' ? [cell, newRunCell(cell.id)] : [cell],
  );
}
