/**
 * Undo and redo of changes to the notebook's cell list. The history stores changes, not
 * snapshots, so undoing a delete puts back one cell and leaves the text typed since into other
 * cells alone. Text typed inside an editor is not a change here, because the editors keep their
 * own text undo.
 */
import type { NotebookCell } from './cells';

export type CellChange =
  | { kind: 'insert'; index: number; cell: NotebookCell }
  | { kind: 'delete'; index: number; cell: NotebookCell }
  | { kind: 'move'; cellId: string; from: number; to: number }
  | { kind: 'update'; before: NotebookCell; after: NotebookCell };

export interface CellHistory {
  /** Changes that undo reverts, oldest first. */
  past: CellChange[];
  /** Changes that redo applies again, the next one last. */
  future: CellChange[];
  /** When the last recorded update was made, in ms, so quick edits of one cell merge. */
  lastUpdateAtMs: number | null;
}

export const MAX_HISTORY_ENTRIES = 50;

/** Updates of one cell closer together than this become one undo step (e.g. typing "1000" into ticks). */
export const MERGE_WINDOW_MS = 1000;

export const emptyHistory: CellHistory = { past: [], future: [], lastUpdateAtMs: null };

/** Returns the change that reverts `change`. */
export function invertChange(change: CellChange): CellChange {
  switch (change.kind) {
    case 'insert':
      return { ...change, kind: 'delete' };
    case 'delete':
      return { ...change, kind: 'insert' };
    case 'move':
      return { ...change, from: change.to, to: change.from };
    case 'update':
      return { kind: 'update', before: change.after, after: change.before };
  }
}

/**
 * Applies a change to the cells. Returns the new cells and the change as applied, with the cells
 * as they were at that moment, or null when the change no longer fits (its cell is gone).
 */
export function applyChange(
  cells: readonly NotebookCell[],
  change: CellChange,
): { cells: NotebookCell[]; applied: CellChange } | null {
  const next = [...cells];
  switch (change.kind) {
    case 'insert': {
      if (next.some((cell) => cell.id === change.cell.id)) return null;
      const index = Math.min(change.index, next.length);
      next.splice(index, 0, change.cell);
      return { cells: next, applied: { ...change, index } };
    }
    case 'delete': {
      const index = next.findIndex((cell) => cell.id === change.cell.id);
      const [current] = index < 0 ? [] : next.splice(index, 1);
      if (!current) return null;
      return { cells: next, applied: { kind: 'delete', index, cell: current } };
    }
    case 'move': {
      const from = next.findIndex((cell) => cell.id === change.cellId);
      const [cell] = from < 0 ? [] : next.splice(from, 1);
      if (!cell) return null;
      const to = Math.max(0, Math.min(change.to, next.length));
      next.splice(to, 0, cell);
      return { cells: next, applied: { ...change, from, to } };
    }
    case 'update': {
      const index = next.findIndex((cell) => cell.id === change.before.id);
      const current = next[index];
      if (!current) return null;
      // The run a cell last started is not a setting, so undoing a settings change keeps it.
      const after =
        current.type === 'run' && change.after.type === 'run'
          ? { ...change.after, lastRunId: current.lastRunId }
          : change.after;
      next[index] = after;
      return { cells: next, applied: { kind: 'update', before: current, after } };
    }
  }
}

/** Records a change the user made, dropping the oldest entry past the limit and clearing redo. */
export function recordChange(history: CellHistory, change: CellChange, nowMs: number): CellHistory {
  const last = history.past.at(-1);
  const mergeable =
    change.kind === 'update' &&
    last?.kind === 'update' &&
    last.after.id === change.after.id &&
    // A type change is its own undo step, so two quick changes (text to network and back) do
    // not merge into one step that changes nothing.
    last.before.type === last.after.type &&
    change.before.type === change.after.type &&
    history.lastUpdateAtMs !== null &&
    nowMs - history.lastUpdateAtMs < MERGE_WINDOW_MS;

  const past = mergeable
    ? [...history.past.slice(0, -1), { kind: 'update' as const, before: last.before, after: change.after }]
    : [...history.past, change].slice(-MAX_HISTORY_ENTRIES);
  return { past, future: [], lastUpdateAtMs: change.kind === 'update' ? nowMs : null };
}

export interface HistoryStep {
  cells: NotebookCell[];
  history: CellHistory;
}

/**
 * Reverts the latest change that still applies, dropping entries whose cell is gone. Returns null
 * when nothing is left to undo.
 */
export function undo(cells: readonly NotebookCell[], history: CellHistory): HistoryStep | null {
  const past = [...history.past];
  for (let entry = past.pop(); entry; entry = past.pop()) {
    const result = applyChange(cells, invertChange(entry));
    if (!result) continue;

    // Future stores the change forward, with the cell contents this undo saw.
    const future = [...history.future, invertChange(result.applied)];
    return { cells: result.cells, history: { past, future, lastUpdateAtMs: null } };
  }
  return null;
}

/**
 * Applies again the latest undone change that still applies, dropping entries whose cell is gone.
 * Returns null when nothing is left to redo.
 */
export function redo(cells: readonly NotebookCell[], history: CellHistory): HistoryStep | null {
  const future = [...history.future];
  for (let entry = future.pop(); entry; entry = future.pop()) {
    const result = applyChange(cells, entry);
    if (!result) continue;

    const past = [...history.past, result.applied].slice(-MAX_HISTORY_ENTRIES);
    return { cells: result.cells, history: { past, future, lastUpdateAtMs: null } };
  }
  return null;
}
