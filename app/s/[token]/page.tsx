import type { Metadata } from 'next';

import { SharedRunPage } from '../../_run/shared-run-page';

export const metadata: Metadata = { title: 'Shared run', robots: { index: false } };

export default async function SharedRunRoute({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <SharedRunPage token={token} />;
}
