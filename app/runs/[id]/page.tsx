import type { Metadata } from 'next';

import { RequireSession } from '../../_auth/require-session';
import { RunPage } from '../../_run/run-page';

export const metadata: Metadata = { title: 'Run' };

export default async function RunRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RequireSession>
      <RunPage runId={id} />
    </RequireSession>
  );
}
