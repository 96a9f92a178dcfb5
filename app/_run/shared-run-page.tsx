'use client';

import { formatCount, formatRelative } from '../_components/ui/format';
import { PageHeader } from '../_components/ui/page-header';
import { ErrorBox, Loading } from '../_components/ui/states';
import { trpcErrorCode } from '../_trpc/errors';
import { RunDashboard } from './run-dashboard';
import { RunProgress } from './run-progress';
import { StatusPill } from './status-pill';
import { useSharedRun } from './use-run-view';

/** Shows a run opened through a share link: the same live plots, and nothing that changes the run. */
export function SharedRunPage({ token }: { token: string }) {
  const { run, spec, live, samplesTotal, recordsState } = useSharedRun(token);

  if (run.isPending) return <Loading label="Loading the shared run…" />;
  if (run.error) {
    const missing = trpcErrorCode(run.error) === 'NOT_FOUND' || trpcErrorCode(run.error) === 'BAD_REQUEST';
    return (
      <ErrorBox
        title={
          missing
            ? 'This link does not work: it was revoked or never existed'
            : 'Could not load the shared run'
        }
        error={run.error}
      />
    );
  }
  if (!live || !spec)
    return <ErrorBox title="The run's spec could not be read" error="unexpected spec shape" />;

  return (
    <div data-testid="shared-run">
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {spec.name} <StatusPill status={live.feed.status ?? run.data.status} testId="run-status-header" />
            <span
              className="rounded-full border border-line px-2 py-0.5 text-xs font-normal text-muted"
              data-testid="read-only-badge"
            >
              read-only
            </span>
          </span>
        }
        subtitle={
          <span className="flex flex-wrap gap-x-4 tabular-nums">
            <span>seed {run.data.seed}</span>
            <span>{run.data.mode} mode</span>
            <span>{formatCount(run.data.totalTicks)} ticks</span>
            <span>core {run.data.coreVersion}</span>
            <span>created {formatRelative(run.data.createdAt)}</span>
          </span>
        }
      />
      <div className="mb-4 rounded-lg border border-line bg-panel p-3">
        <RunProgress feed={live.feed} samplesTotal={samplesTotal} />
      </div>
      <RunDashboard feed={live.feed} revision={live.revision} recordsState={recordsState} />
    </div>
  );
}
