import type { Metadata } from 'next';

import { RequireSession } from '../../_auth/require-session';
import { NotebookLoader } from '../../_notebook/notebook-loader';

export const metadata: Metadata = { title: 'Notebook' };

export default async function NotebookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSession>
      <NotebookLoader notebookId={id} />
    </RequireSession>
  );
}
