'use client';

import { useCallback, useEffect, useReducer } from 'react';

import {
  applyChange,
  emptyHistory,
  recordChange,
  redo,
  undo,
  type CellChange,
  type CellHistory,
} from './cell-history';
import type { NotebookCell } from './cells';

interface State {
  cells: NotebookCell[];
  history: CellHistory;
}

type Action =
  | { type: 'change'; plan: (cells: readonly NotebookCell[]) => CellChange | null; nowMs: number }
  | { type: 'edit'; update: (cells: NotebookCell[]) => NotebookCell[] }
  | { type: 'undo' }
  | { type: 'redo' };

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'change': {
      const change = action.plan(state.cells);
      const result = change ? applyChange(state.cells, change) : null;
      if (!result) return state;
      return { cells: result.cells, history: recordChange(state.history, result.applied, action.nowMs) };
    }
    case 'edit':
      return { ...state, cells: action.update(state.cells) };
    case 'undo':
      return undo(state.cells, state.history) ?? state;
    case 'redo':
      return redo(state.cells, state.history) ?? state;
  }
}

/**
 * Holds the notebook's cells with an in-memory undo history of cell-list changes. `change`
 * records a step; `edit` changes cells without one (text typed in an editor, a run id arriving).
 * Ctrl+Z / Cmd+Z and Ctrl+Shift+Z / Cmd+Shift+Z undo and redo unless the focus is in a text field
 * or editor, which handle those keys themselves.
 */
export function useCellHistory(initialCells: NotebookCell[]) {
  const [state, dispatch] = useReducer(reduce, { cells: initialCells, history: emptyHistory });

  const change = useCallback((plan: (cells: readonly NotebookCell[]) => CellChange | null) => {
    dispatch({ type: 'change', plan, nowMs: Date.now() });
  }, []);
  const edit = useCallback((update: (cells: NotebookCell[]) => NotebookCell[]) => {
    dispatch({ type: 'edit', update });
  }, []);
  const undoChange = useCallback(() => dispatch({ type: 'undo' }), []);
  const redoChange = useCallback(() => dispatch({ type: 'redo' }), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTextTarget(event.target)) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      dispatch({ type: event.shiftKey ? 'redo' : 'undo' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const lastChange = state.history.past.at(-1);
  return {
    cells: state.cells,
    change,
    edit,
    undo: undoChange,
    redo: redoChange,
    /** The latest change that undo would revert. Each recorded change is a new object. */
    lastChange,
    /** True while nothing has been undone since the latest change. */
    atLatest: state.history.future.length === 0,
  };
}

function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, [contenteditable="true"], .cm-editor') !== null
  );
}
