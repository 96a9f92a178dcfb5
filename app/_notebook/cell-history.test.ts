import { describe, expect, it } from 'vitest';

import {
  applyChange,
  emptyHistory,
  MAX_HISTORY_ENTRIES,
  MERGE_WINDOW_MS,
  recordChange,
  redo,
  undo,
  type CellChange,
  type CellHistory,
} from './cell-history';
import { newRunCell, type NotebookCell } from './cells';

const textA: NotebookCell = { id: 'a', type: 'markdown', source: 'first' };
const specB: NotebookCell = { id: 'b', type: 'spec', source: 'name: net\n' };
const textC: NotebookCell = { id: 'c', type: 'markdown', source: 'third' };

/** Applies a change as the editor does: apply, then record what was applied. */
function act(cells: NotebookCell[], history: CellHistory, change: CellChange, nowMs = 0) {
  const result = applyChange(cells, change);
  if (!result) throw new Error(`change ${change.kind} did not apply`);
  return { cells: result.cells, history: recordChange(history, result.applied, nowMs) };
}

const ids = (cells: readonly NotebookCell[]) => cells.map((cell) => cell.id);

describe('cell history', () => {
  it('undo restores deleted cell', () => {
    const start = [textA, specB, textC];
    const deleted = act(start, emptyHistory, { kind: 'delete', index: 1, cell: specB });
    expect(ids(deleted.cells)).toEqual(['a', 'c']);

    const undone = undo(deleted.cells, deleted.history);
    expect(undone?.cells).toEqual(start);

    const redone = redo(undone!.cells, undone!.history);
    expect(ids(redone?.cells ?? [])).toEqual(['a', 'c']);
  });

  it('undo keeps later text edits', () => {
    const deleted = act([textA, specB], emptyHistory, { kind: 'delete', index: 0, cell: textA });
    // Text typed into B after the delete is not a history step.
    const typed = deleted.cells.map((cell) => (cell.id === 'b' ? { ...specB, source: 'edited' } : cell));

    const undone = undo(typed, deleted.history);
    expect(undone?.cells).toEqual([textA, { ...specB, source: 'edited' }]);
  });

  it('undo reverses move', () => {
    const moved = act([textA, specB, textC], emptyHistory, { kind: 'move', cellId: 'a', from: 0, to: 2 });
    expect(ids(moved.cells)).toEqual(['b', 'c', 'a']);

    const undone = undo(moved.cells, moved.history);
    expect(ids(undone?.cells ?? [])).toEqual(['a', 'b', 'c']);
    const redone = redo(undone!.cells, undone!.history);
    expect(ids(redone?.cells ?? [])).toEqual(['b', 'c', 'a']);
  });

  it('redo reinserts with latest content', () => {
    const added = act([textA], emptyHistory, { kind: 'insert', index: 1, cell: textC });
    const typed = [textA, { ...textC, source: 'typed later' }];

    const undone = undo(typed, added.history);
    expect(ids(undone?.cells ?? [])).toEqual(['a']);
    const redone = redo(undone!.cells, undone!.history);
    expect(redone?.cells[1]).toEqual({ ...textC, source: 'typed later' });
  });

  it('new change clears redo', () => {
    const added = act([textA], emptyHistory, { kind: 'insert', index: 0, cell: specB });
    const undone = undo(added.cells, added.history)!;
    expect(undone.history.future).toHaveLength(1);

    const again = act(undone.cells, undone.history, { kind: 'insert', index: 1, cell: textC });
    expect(again.history.future).toHaveLength(0);
    expect(redo(again.cells, again.history)).toBeNull();
  });

  it('empty history returns null', () => {
    expect(undo([textA], emptyHistory)).toBeNull();
    expect(redo([textA], emptyHistory)).toBeNull();
  });

  it('history keeps latest entries only', () => {
    let state = { cells: [] as NotebookCell[], history: emptyHistory };
    const total = MAX_HISTORY_ENTRIES + 5;
    for (let i = 0; i < total; i++) {
      state = act(state.cells, state.history, {
        kind: 'insert',
        index: i,
        cell: { id: `t${i}`, type: 'markdown', source: '' },
      });
    }
    expect(state.history.past).toHaveLength(MAX_HISTORY_ENTRIES);

    while (true) {
      const next = undo(state.cells, state.history);
      if (!next) break;
      state = next;
    }
    // The 5 oldest inserts fell off the stack, so their cells stay.
    expect(ids(state.cells)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('quick settings edits merge', () => {
    const run = { ...newRunCell('b'), id: 'r' };
    const first = act(
      [specB, run],
      emptyHistory,
      { kind: 'update', before: run, after: { ...run, ticks: 1 } },
      0,
    );
    const second = act(
      first.cells,
      first.history,
      {
        kind: 'update',
        before: first.cells[1]!,
        after: { ...run, ticks: 10 },
      },
      MERGE_WINDOW_MS - 1,
    );
    expect(second.history.past).toHaveLength(1);

    const late = act(
      second.cells,
      second.history,
      {
        kind: 'update',
        before: second.cells[1]!,
        after: { ...run, ticks: 100 },
      },
      2 * MERGE_WINDOW_MS,
    );
    expect(late.history.past).toHaveLength(2);

    const undone = undo(late.cells, late.history)!;
    expect(undone.cells[1]).toMatchObject({ ticks: 10 });
    expect(undo(undone.cells, undone.history)?.cells[1]).toMatchObject({ ticks: null });
  });

  it('quick type changes stay separate', () => {
    const text: NotebookCell = { id: 'm', type: 'markdown', source: '# Notes' };
    const network: NotebookCell = { id: 'm', type: 'spec', source: '# Notes' };
    const first = act([text], emptyHistory, { kind: 'update', before: text, after: network }, 0);
    const back = act(first.cells, first.history, { kind: 'update', before: network, after: text }, 1);
    expect(back.history.past).toHaveLength(2);

    // Undo reverts only the change back to text, so the cell is a network cell again.
    const undone = undo(back.cells, back.history);
    expect(undone?.cells).toEqual([network]);
  });

  it('settings undo keeps last run', () => {
    const run = { ...newRunCell('b'), id: 'r' };
    const changed = act([run], emptyHistory, { kind: 'update', before: run, after: { ...run, seed: 7 } });
    const ran = [{ ...changed.cells[0]!, lastRunId: 'run-1' } as NotebookCell];

    const undone = undo(ran, changed.history);
    expect(undone?.cells[0]).toMatchObject({ seed: null, lastRunId: 'run-1' });
  });

  it('undo skips entries whose cell is gone', () => {
    const moved = act([textA, specB], emptyHistory, { kind: 'move', cellId: 'a', from: 0, to: 1 });
    const withoutA = moved.cells.filter((cell) => cell.id !== 'a');

    expect(undo(withoutA, moved.history)).toBeNull();
  });
});
