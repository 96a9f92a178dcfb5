import type { ReactNode } from 'react';

import { Spinner } from './button';

/** Renders a "loading" line for a section whose data is on its way. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="flex items-center gap-2 py-8 text-sm text-muted" role="status" data-testid="loading">
      <Spinner /> {label}
    </div>
  );
}

/** Reports a failed request: what failed, the server's message, and a retry when one makes sense. */
export function ErrorBox({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <div
      className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm"
      role="alert"
      data-testid="error-box"
    >
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-1 text-muted">{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="mt-2 text-accent underline">
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-line px-6 py-10 text-center">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-2 text-sm text-muted">{children}</div> : null}
    </div>
  );
}

/** Returns the message of an error from tRPC, fetch or anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Unknown error';
}
