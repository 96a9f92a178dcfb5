'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { ErrorBox, Loading } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';
import { ensureRunCells, type NotebookCell } from './cells';
import { NotebookEditor } from './notebook-editor';
import { loadLegacyRunCells, mergeCells } from './persistence';

/** Loads a notebook once and hands it to the editor, which owns the cells from then on. */
export function NotebookLoader({ notebookId }: { notebookId: string }) {
  const trpc = useTRPC();
  // The editor keeps its own copy of the cells, so the stored notebook is read once per visit.
  const notebook = useQuery({
    ...trpc.notebooks.get.queryOptions({ notebookId }),
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
  const [initialCells, setInitialCells] = useState<NotebookCell[] | null>(null);

  // Only the first successful load seeds the editor; later refetches (a rename) leave the cells alone.
  useEffect(() => {
    if (notebook.data && initialCells === null)
      setInitialCells(ensureRunCells(mergeCells(notebook.data.cells, loadLegacyRunCells(notebookId))));
  }, [notebook.data, initialCells, notebookId]);

  if (notebook.isPending) return <Loading label="Opening the notebook…" />;
  if (notebook.error) {
    return (
      <ErrorBox
        title="Could not open the notebook"
        error={notebook.error}
        onRetry={() => void notebook.refetch()}
      />
    );
  }
  if (!initialCells) return <Loading label="Opening the notebook…" />;

  return (
    <NotebookEditor
      key={notebook.data.id}
      notebookId={notebook.data.id}
      title={notebook.data.title}
      version={notebook.data.version}
      initialCells={initialCells}
      storedCells={notebook.data.cells}
    />
  );
}
