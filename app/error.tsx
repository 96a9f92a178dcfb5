'use client';

import { ErrorBox } from './_components/ui/states';

/** Renders the fallback for an unexpected error while rendering a page. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-10">
      <ErrorBox title="This page failed to render" error={error} onRetry={retry} />
    </div>
  );
}
