'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { Button } from '../_components/ui/button';
import { formatRelative } from '../_components/ui/format';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState, ErrorBox, Loading, errorMessage } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

/** Lists the user's notebooks, newest first, with create, rename and delete. */
export function NotebookList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const notebooks = useQuery(trpc.notebooks.list.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notebooks.list.queryKey() });

  const create = useMutation(
    trpc.notebooks.create.mutationOptions({
      onSuccess: (notebook) => {
        void invalidate();
        router.push(`/notebooks/${notebook.id}`);
      },
    }),
  );

  return (
    <div>
      <PageHeader
        title="Notebooks"
        subtitle="Each notebook contains notes, network specs and the runs made from them."
        actions={
          <>
            <Link href="/templates" className="text-sm text-accent underline">
              From a template
            </Link>
            <Button
              variant="primary"
              busy={create.isPending}
              onClick={() => create.mutate({ title: 'Untitled notebook', cells: [] })}
              data-testid="new-notebook"
            >
              New notebook
            </Button>
          </>
        }
      />
      {create.error ? <ErrorBox title="Could not create the notebook" error={create.error} /> : null}

      {notebooks.isPending ? <Loading /> : null}
      {notebooks.error ? (
        <ErrorBox
          title="Could not load your notebooks"
          error={notebooks.error}
          onRetry={() => void notebooks.refetch()}
        />
      ) : null}
      {notebooks.data && notebooks.data.length === 0 ? (
        <EmptyState title="No notebooks yet">
          Start from the{' '}
          <Link href="/templates" className="text-accent underline">
            template gallery
          </Link>{' '}
          or create an empty notebook.
        </EmptyState>
      ) : null}
      {notebooks.data && notebooks.data.length > 0 ? (
        <ul
          className="divide-y divide-line rounded-lg border border-line bg-panel"
          data-testid="notebook-list"
        >
          {notebooks.data.map((notebook) => (
            <NotebookRow key={notebook.id} notebook={notebook} onChanged={() => void invalidate()} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface NotebookSummary {
  id: string;
  title: string;
  updatedAt: Date;
  version: number;
}

function NotebookRow({ notebook, onChanged }: { notebook: NotebookSummary; onChanged: () => void }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(notebook.title);
  const rename = useMutation(
    trpc.notebooks.rename.mutationOptions({ onSuccess: () => (setEditing(false), onChanged()) }),
  );
  const remove = useMutation(trpc.notebooks.delete.mutationOptions({ onSuccess: onChanged }));

  const onDelete = () => {
    if (window.confirm(`Delete "${notebook.title}"? Its runs are kept.`))
      remove.mutate({ notebookId: notebook.id });
  };

  return (
    <li className="flex items-center gap-3 px-4 py-3" data-testid="notebook-row">
      {editing ? (
        <form
          className="flex flex-1 items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ notebookId: notebook.id, title });
          }}
        >
          <input
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            className="h-8 flex-1 rounded-md border border-line bg-panel px-2 text-sm outline-none focus:border-accent"
            aria-label="Notebook title"
          />
          <Button size="sm" type="submit" variant="primary" busy={rename.isPending}>
            Save
          </Button>
          <Button size="sm" variant="ghost" onClick={() => (setEditing(false), setTitle(notebook.title))}>
            Cancel
          </Button>
        </form>
      ) : (
        <Link
          href={`/notebooks/${notebook.id}`}
          className="min-w-0 flex-1 truncate font-medium hover:text-accent"
        >
          {notebook.title}
        </Link>
      )}
      <span className="hidden text-xs text-muted sm:inline">edited {formatRelative(notebook.updatedAt)}</span>
      {!editing ? (
        <>
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Rename
          </Button>
          <Button size="sm" variant="ghost" onClick={onDelete} busy={remove.isPending}>
            Delete
          </Button>
        </>
      ) : null}
      {rename.error || remove.error ? (
        <span className="text-xs text-danger">{errorMessage(rename.error ?? remove.error)}</span>
      ) : null}
    </li>
  );
}
