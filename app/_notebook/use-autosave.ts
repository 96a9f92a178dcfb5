'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';

import { errorMessage } from '../_components/ui/states';
import { trpcErrorCode } from '../_trpc/errors';
import { useTRPC } from '../_trpc/react';
import type { NotebookCell } from './cells';
import { forgetLegacyRunCells } from './persistence';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** Quiet time after the last edit before the notebook is saved. */
const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves a notebook's cells shortly after each edit. The server accepts a save only against the
 * version it was based on, so an edit made in another tab is never overwritten silently: it
 * surfaces as a conflict. `flush` saves at once and resolves when the server has the cells,
 * which a run needs because the server reads the cell it runs from the stored notebook.
 */
export function useAutosave(
  notebookId: string,
  initialVersion: number,
  cells: readonly NotebookCell[],
  storedCells: readonly NotebookCell[],
) {
  const trpc = useTRPC();
  const save = useMutation(trpc.notebooks.saveCells.mutationOptions());
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<string | null>(null);
  const versionRef = useRef(initialVersion);
  // The cells as stored: run cells added on load (from the browser's old copy, or one per
  // network cell without any) differ from them, so they are saved at once.
  const savedJsonRef = useRef(JSON.stringify(storedCells));
  const cellsRef = useRef(cells);
  const inFlightRef = useRef<Promise<void> | null>(null);
  const timerRef = useRef<number | null>(null);
  const mutateRef = useRef(save.mutateAsync);
  mutateRef.current = save.mutateAsync;
  cellsRef.current = cells;

  const saveNow = useCallback(async (): Promise<void> => {
    // One save at a time; a save requested meanwhile runs after it with the newest cells.
    while (inFlightRef.current) await inFlightRef.current;

    const toSave = [...cellsRef.current];
    const json = JSON.stringify(toSave);
    if (json === savedJsonRef.current) {
      setStatus((previous) => (previous === 'unsaved' ? 'saved' : previous));
      return;
    }

    setStatus('saving');
    const attempt = mutateRef
      .current({ notebookId, baseVersion: versionRef.current, cells: toSave })
      .then((saved) => {
        versionRef.current = saved.version;
        savedJsonRef.current = json;
        setError(null);
        forgetLegacyRunCells(notebookId);
        setStatus(JSON.stringify(cellsRef.current) === json ? 'saved' : 'unsaved');
      })
      .catch((caught: unknown) => {
        const conflict = trpcErrorCode(caught) === 'CONFLICT';
        setStatus(conflict ? 'conflict' : 'error');
        setError(errorMessage(caught));
        throw caught;
      })
      .finally(() => {
        inFlightRef.current = null;
      });
    inFlightRef.current = attempt.catch(() => undefined);
    await attempt;
  }, [notebookId]);

  useEffect(() => {
    if (JSON.stringify(cells) === savedJsonRef.current) return;

    setStatus((previous) => (previous === 'conflict' ? previous : 'unsaved'));
    if (timerRef.current !== null) window.clearTimeout(timerRef.current);
    timerRef.current = window.setTimeout(() => {
      timerRef.current = null;
      void saveNow().catch(() => undefined);
    }, AUTOSAVE_DELAY_MS);
  }, [cells, notebookId, saveNow]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (JSON.stringify(cellsRef.current) !== savedJsonRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const flush = useCallback(async () => {
    if (timerRef.current !== null) {
      window.clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    await saveNow();
  }, [saveNow]);

  /** Adopts the server's version after a conflict, so the next save overwrites it. */
  const overwrite = useCallback(
    async (serverVersion: number) => {
      versionRef.current = serverVersion;
      savedJsonRef.current = '';
      await flush();
    },
    [flush],
  );

  return { status, error, flush, overwrite };
}
