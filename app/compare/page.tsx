import type { Metadata } from 'next';
import { Suspense } from 'react';

import { RequireSession } from '../_auth/require-session';
import { Loading } from '../_components/ui/states';
import { CompareView } from './compare-view';

export const metadata: Metadata = { title: 'Compare runs' };

export default function ComparePage() {
  return (
    <RequireSession>
      <Suspense fallback={<Loading />}>
        <CompareView />
      </Suspense>
    </RequireSession>
  );
}
