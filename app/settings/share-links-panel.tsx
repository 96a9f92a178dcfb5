'use client';

import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';

import { Button } from '../_components/ui/button';
import { formatRelative } from '../_components/ui/format';
import { ErrorBox, Loading } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

/** Runs whose share links are listed; older runs' links are on their run pages. */
const RECENT_RUNS = 25;

/** Share links of the recent runs, with revoke. Tokens are not stored, so links cannot be shown again. */
export function ShareLinksPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runs = useQuery(trpc.runs.list.queryOptions({ limit: RECENT_RUNS }));
  const linkQueries = useQueries({
    queries: (runs.data?.runs ?? []).map((run) => trpc.share.list.queryOptions({ runId: run.id })),
  });
  const revoke = useMutation(
    trpc.share.revoke.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.share.list.pathKey() }),
    }),
  );

  const rows = (runs.data?.runs ?? []).flatMap((run, index) =>
    (linkQueries[index]?.data ?? []).map((link) => ({ run, link })),
  );
  const loadingLinks = linkQueries.some((query) => query.isPending);

  return (
    <section className="rounded-lg border border-line bg-panel p-4" data-testid="share-links">
      <h2 className="font-medium">Share links</h2>
      <p className="mt-1 text-sm text-muted">
        Anyone with a link can watch its run, read-only. Revoking a link stops it at once. Links are created
        on a run&apos;s page.
      </p>
      <div className="mt-3">
        {runs.isPending || loadingLinks ? <Loading /> : null}
        {runs.error ? (
          <ErrorBox title="Could not load your runs" error={runs.error} onRetry={() => void runs.refetch()} />
        ) : null}
        {!runs.isPending && !loadingLinks && rows.length === 0 ? (
          <p className="text-sm text-muted">No share links on your {RECENT_RUNS} most recent runs.</p>
        ) : null}
        {rows.length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr className="border-b border-line">
                <th className="py-1.5 font-normal">run</th>
                <th className="py-1.5 font-normal">created</th>
                <th className="py-1.5 font-normal">state</th>
                <th className="py-1.5" />
              </tr>
            </thead>
            <tbody>
              {rows.map(({ run, link }) => (
                <tr key={link.id} className="border-b border-line/60" data-testid="share-link-row">
                  <td className="py-1.5">
                    <Link href={`/runs/${run.id}`} className="font-mono text-xs text-accent underline">
                      {run.id.slice(0, 8)}
                    </Link>{' '}
                    <span className="text-xs text-muted">
                      seed {run.seed}, {run.status}
                    </span>
                  </td>
                  <td className="py-1.5 text-muted">{formatRelative(link.createdAt)}</td>
                  <td className="py-1.5">
                    {link.revokedAt ? (
                      <span className="text-muted">revoked</span>
                    ) : (
                      <span className="text-ok">active</span>
                    )}
                  </td>
                  <td className="py-1.5 text-right">
                    {link.revokedAt ? null : (
                      <Button
                        size="sm"
                        variant="danger"
                        busy={revoke.isPending && revoke.variables.shareLinkId === link.id}
                        onClick={() => revoke.mutate({ shareLinkId: link.id })}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {revoke.error ? <ErrorBox title="Could not revoke the link" error={revoke.error} /> : null}
      </div>
    </section>
  );
}
