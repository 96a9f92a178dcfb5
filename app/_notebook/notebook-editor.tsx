'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useState } from 'react';

import { Button } from '../_components/ui/button';
import { NoticeRegion } from '../_components/ui/notices';
import { useTRPC } from '../_trpc/react';
import { NetworkCellEditor } from '../_editor/network-cell-editor';
import { AddCellBar, CellFrame } from './cell-frame';
import {
  newCell,
  newRunCell,
  resolveSpecCell,
  runCellFor,
  type CellType,
  type NotebookCell,
  type RunCell,
} from './cells';
import { isTextCell, switchCellType } from './cell-type';
import { MarkdownCell } from './markdown-cell';
import { RunCellView } from './run-cell';
import { SaveIndicator } from './save-indicator';
import { useAutosave } from './use-autosave';
import { useCellHistory } from './use-cell-history';
import { useNotebookNotices } from './use-notebook-notices';
import { useRunStarter } from './use-run-starter';

export interface NotebookEditorProps {
  notebookId: string;
  title: string;
  version: number;
  initialCells: NotebookCell[];
  /** The cells the server stores, which autosave compares against. */
  storedCells: NotebookCell[];
}

/** Edits a notebook: its title, its cells in order, autosave and the runs started from it. */
export function NotebookEditor({
  notebookId,
  title,
  version,
  initialCells,
  storedCells,
}: NotebookEditorProps) {
  const { cells, change, edit, undo, lastChange, atLatest } = useCellHistory(initialCells);
  const autosave = useAutosave(notebookId, version, cells, storedCells);
  const { flush } = autosave;
  const retrySave = useCallback(() => void flush().catch(() => undefined), [flush]);
  const notices = useNotebookNotices({
    lastChange,
    atLatest,
    undo,
    saveStatus: autosave.status,
    saveError: autosave.error,
    retrySave,
  });

  // Untracked: text typed in an editor, which has its own undo, and run ids set by the server.
  const updateCell = useCallback(
    (id: string, update: (cell: NotebookCell) => NotebookCell) => {
      edit((previous) => previous.map((cell) => (cell.id === id ? update(cell) : cell)));
    },
    [edit],
  );

  const starter = useRunStarter(notebookId, autosave.flush, (runCellId, runId) =>
    updateCell(runCellId, (cell) => (cell.type === 'run' ? { ...cell, lastRunId: runId } : cell)),
  );

  const insertAt = (index: number, type: CellType) => {
    change((previous) => {
      const specAbove = previous
        .slice(0, index)
        .reverse()
        .find((cell) => cell.type === 'spec');
      return { kind: 'insert', index, cell: newCell(type, specAbove?.id ?? null) };
    });
  };

  const move = (cellId: string, index: number, offset: -1 | 1) =>
    change(() => ({ kind: 'move', cellId, from: index, to: index + offset }));

  const remove = (cell: NotebookCell, index: number) => change(() => ({ kind: 'delete', index, cell }));

  // An undoable update, like a settings change, so Ctrl+Z changes the cell back with its text.
  const changeType = (cellId: string) =>
    change((previous) => {
      const before = previous.find((cell) => cell.id === cellId);
      return before && isTextCell(before) ? { kind: 'update', before, after: switchCellType(before) } : null;
    });

  // Run cell settings are undoable steps. Quick successive edits of one cell merge into one step.
  const updateSettings = (updated: NotebookCell) =>
    change((previous) => {
      const before = previous.find((cell) => cell.id === updated.id);
      return before ? { kind: 'update', before, after: updated } : null;
    });

  const runCell = (runCellId: string) => {
    const cell = cells.find(
      (candidate): candidate is RunCell => candidate.id === runCellId && candidate.type === 'run',
    );
    const target = resolveSpecCell(cells, runCellId);
    if (cell && target) void starter.start(cell, target);
  };

  // Shift+Enter in a network cell runs its run cell, creating one just below when there is none.
  const runFromSpec = (specCellId: string) => {
    const existing = runCellFor(cells, specCellId);
    if (existing) return runCell(existing.id);

    const created = newRunCell(specCellId);
    const index = cells.findIndex((cell) => cell.id === specCellId);
    const next = [...cells];
    next.splice(index + 1, 0, created);
    change(() => ({ kind: 'insert', index: index + 1, cell: created }));
    const target = resolveSpecCell(next, created.id);
    if (target) void starter.start(created, target);
  };

  return (
    <div className="mx-auto max-w-[1280px]">
      <NotebookHeader
        notebookId={notebookId}
        title={title}
        saveIndicator={<SaveIndicator autosave={autosave} notebookId={notebookId} />}
      />
      <NoticeRegion notices={notices.notices} onDismiss={notices.dismiss} />

      {cells.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line py-8 text-center text-sm text-muted">
          This notebook is empty.
          <AddCellBar onAdd={(type) => insertAt(0, type)} alwaysVisible />
        </div>
      ) : (
        <AddCellBar onAdd={(type) => insertAt(0, type)} />
      )}

      <div className="space-y-0">
        {cells.map((cell, index) => (
          <CellFrame
            key={cell.id}
            type={cell.type}
            index={index}
            onMoveUp={index > 0 ? () => move(cell.id, index, -1) : undefined}
            onMoveDown={index < cells.length - 1 ? () => move(cell.id, index, 1) : undefined}
            onDelete={() => remove(cell, index)}
            onAdd={(type) => insertAt(index + 1, type)}
            onChangeType={isTextCell(cell) ? () => changeType(cell.id) : undefined}
          >
            {cell.type === 'markdown' ? (
              <MarkdownCell
                source={cell.source}
                onChange={(source) => updateCell(cell.id, (current) => withSource(current, source))}
              />
            ) : null}
            {cell.type === 'spec' ? (
              <NetworkCellEditor
                value={cell.source}
                onChange={(source) => updateCell(cell.id, (current) => withSource(current, source))}
                onRun={() => runFromSpec(cell.id)}
              />
            ) : null}
            {cell.type === 'run' ? (
              <RunCellView
                notebookId={notebookId}
                cell={cell}
                cells={cells}
                target={resolveSpecCell(cells, cell.id)}
                onChange={updateSettings}
                onStart={() => runCell(cell.id)}
                starting={starter.starting === cell.id}
                startError={starter.errors[cell.id]}
              />
            ) : null}
          </CellFrame>
        ))}
      </div>
    </div>
  );
}

function withSource(cell: NotebookCell, source: string): NotebookCell {
  return cell.type === 'run' ? cell : { ...cell, source };
}

function NotebookHeader({
  notebookId,
  title,
  saveIndicator,
}: {
  notebookId: string;
  title: string;
  saveIndicator: React.ReactNode;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);
  const rename = useMutation(
    trpc.notebooks.rename.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void queryClient.invalidateQueries({ queryKey: trpc.notebooks.get.queryKey({ notebookId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() });
      },
    }),
  );

  return (
    <header className="mb-3 flex flex-wrap items-center gap-3">
      {editing ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ notebookId, title: draft });
          }}
        >
          <input
            autoFocus
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            className="h-9 w-96 rounded-md border border-line bg-panel px-2 text-lg font-semibold outline-none focus:border-accent"
            aria-label="Notebook title"
          />
          <Button size="sm" type="submit" variant="primary" busy={rename.isPending}>
            Save
          </Button>
        </form>
      ) : (
        <h1
          className="cursor-text truncate text-xl font-semibold tracking-tight"
          onDoubleClick={() => setEditing(true)}
          title="Double-click to rename"
          data-testid="notebook-title"
        >
          {rename.data?.title ?? title}
        </h1>
      )}
      {saveIndicator}
      <div className="ml-auto flex items-center gap-3 text-sm">
        <Link href={`/compare?notebook=${notebookId}`} className="text-accent underline">
          Compare runs
        </Link>
        <Link href="/notebooks" className="text-muted hover:text-ink">
          All notebooks
        </Link>
      </div>
    </header>
  );
}
