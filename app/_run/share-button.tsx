'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { Button } from '../_components/ui/button';
import { errorMessage } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

/**
 * Creates a read-only link to the run. The server keeps only a hash of the token, so the link is
 * shown once, here. The settings page lists and revokes links but cannot show them again.
 */
export function ShareButton({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const [copied, setCopied] = useState(false);
  const create = useMutation(trpc.share.create.mutationOptions());
  const url = create.data ? `${window.location.origin}${create.data.path}` : null;

  const copy = async () => {
    if (!url) return;
    await navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
  };

  if (!url) {
    return (
      <div className="flex items-center gap-2">
        <Button onClick={() => create.mutate({ runId })} busy={create.isPending} data-testid="share-button">
          Share read-only link
        </Button>
        {create.error ? <span className="text-xs text-danger">{errorMessage(create.error)}</span> : null}
      </div>
    );
  }

  return (
    <div className="flex items-center gap-2 rounded-md border border-accent/40 bg-accent/5 px-2 py-1 text-xs">
      <span className="text-muted">Shown once:</span>
      <input
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        className="w-80 bg-transparent font-mono text-ink outline-none"
        data-testid="share-url"
        aria-label="Share link"
      />
      <Button size="sm" onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
