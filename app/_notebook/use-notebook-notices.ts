'use client';

import { useEffect } from 'react';

import { useNotices } from '../_components/ui/notices';
import type { CellChange } from './cell-history';
import type { SaveStatus } from './use-autosave';

const TYPE_LABELS = { markdown: 'text', spec: 'network', run: 'run' } as const;

interface NoticeSources {
  /** The latest change that undo would revert, and whether nothing has been undone since. */
  lastChange: CellChange | undefined;
  atLatest: boolean;
  undo: () => void;
  saveStatus: SaveStatus;
  saveError: string | null;
  retrySave: () => void;
}

/**
 * Shows the notebook's notices: "Cell deleted" and "Changed to … cell" with Undo while undo
 * would revert that change, and "Save failed" with Retry until a save succeeds or the user
 * dismisses it.
 */
export function useNotebookNotices(sources: NoticeSources) {
  const { notices, show, dismiss } = useNotices();
  const { lastChange, atLatest, undo, saveStatus, saveError, retrySave } = sources;

  // Runs again for every recorded change, because each is a new object, so a second delete
  // shows its notice again after the first one timed out.
  useEffect(() => {
    const latest = atLatest ? lastChange : undefined;
    if (latest?.kind === 'delete') {
      show({
        id: 'cell-deleted',
        tone: 'info',
        message: 'Cell deleted',
        action: { label: 'Undo', run: undo },
        testId: 'cell-deleted',
      });
    } else {
      dismiss('cell-deleted');
    }

    if (latest?.kind === 'update' && latest.before.type !== latest.after.type) {
      show({
        id: 'cell-type-changed',
        tone: 'info',
        message: `Changed to a ${TYPE_LABELS[latest.after.type]} cell`,
        action: { label: 'Undo', run: undo },
        testId: 'cell-type-changed',
      });
    } else {
      dismiss('cell-type-changed');
    }
  }, [lastChange, atLatest, undo, show, dismiss]);

  useEffect(() => {
    if (saveStatus === 'error') {
      show({
        id: 'save-error',
        tone: 'error',
        message: `Save failed: ${saveError ?? 'unknown error'}. Your changes are kept in this tab.`,
        action: { label: 'Retry', run: retrySave },
        testId: 'save-error',
      });
    } else if (saveStatus === 'saved') {
      dismiss('save-error');
    }
  }, [saveStatus, saveError, retrySave, show, dismiss]);

  return { notices, dismiss };
}
