'use client';

import { useQueryClient } from '@tanstack/react-query';

import { useTRPC } from '../_trpc/react';
import type { useAutosave } from './use-autosave';

const LABELS = {
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Save failed',
  conflict: 'Changed elsewhere',
};

/** The autosave state beside the title; a conflict offers to reload or to keep this version. */
export function SaveIndicator({
  autosave,
  notebookId,
}: {
  autosave: ReturnType<typeof useAutosave>;
  notebookId: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const overwrite = async () => {
    const latest = await queryClient.fetchQuery({
      ...trpc.notebooks.get.queryOptions({ notebookId }),
      staleTime: 0,
    });
    await autosave.overwrite(latest.version);
  };

  return (
    <span className="flex items-center gap-2 text-xs" data-testid="save-status" data-status={autosave.status}>
      <span
        className={
          autosave.status === 'error' || autosave.status === 'conflict' ? 'text-danger' : 'text-muted'
        }
      >
        {LABELS[autosave.status]}
      </span>
      {autosave.status === 'error' ? (
        <button
          type="button"
          className="text-accent underline"
          onClick={() => void autosave.flush()}
          title={autosave.error ?? ''}
        >
          retry
        </button>
      ) : null}
      {autosave.status === 'conflict' ? (
        <>
          <button type="button" className="text-accent underline" onClick={() => window.location.reload()}>
            reload theirs
          </button>
          <button type="button" className="text-accent underline" onClick={() => void overwrite()}>
            keep mine
          </button>
        </>
      ) : null}
    </span>
  );
}
