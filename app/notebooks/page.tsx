import type { Metadata } from 'next';

import { RequireSession } from '../_auth/require-session';
import { NotebookList } from './notebook-list';

export const metadata: Metadata = { title: 'Notebooks' };

export default function NotebooksPage() {
  return (
    <RequireSession>
      <NotebookList />
    </RequireSession>
  );
}
