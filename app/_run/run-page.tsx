'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

import { formatCount, formatRelative } from '../_components/ui/format';
import { PageHeader } from '../_components/ui/page-header';
import { ErrorBox, Loading } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';
import { RunDashboard } from './run-dashboard';
import { RunProgress } from './run-progress';
import { ShareButton } from './share-button';
import { SnapshotTimeline } from './snapshot-timeline';
import { StatusPill } from './status-pill';
import { useOwnRun } from './use-run-view';
import { WeightsPanel } from './weights-panel';

/** Shows a run of the signed-in user: live progress and plots, snapshots with fork, sharing. */
export function RunPage({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const { run, spec, live, samplesTotal, recordsState } = useOwnRun(runId);
  const cancel = useMutation(trpc.runs.cancel.mutationOptions());
  const [snapshot, setSnapshot] = useState<{ id: string; tick: number } | null>(null);

  if (run.isPending) return <Loading label="Loading the run…" />;
  if (run.error)
    return <ErrorBox title="Could not load the run" error={run.error} onRetry={() => void run.refetch()} />;
  if (!live || !spec)
    return <ErrorBox title="The run's spec could not be read" error="unexpected spec shape" />;

  const data = run.data;
  return (
    <div>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {spec.name} <StatusPill status={live.feed.status ?? data.status} testId="run-status-header" />
          </span>
        }
        subtitle={
          <span className="flex flex-wrap gap-x-4 tabular-nums">
            <span>seed {data.seed}</span>
            <span>{data.mode} mode</span>
            <span>{formatCount(data.totalTicks)} ticks</span>
            <span>core {data.coreVersion}</span>
            <span>created {formatRelative(data.createdAt)}</span>
            {data.forkedFromSnapshotId ? <span>forked from a snapshot</span> : null}
          </span>
        }
        actions={
          <>
            {data.notebookId ? (
              <Link href={`/notebooks/${data.notebookId}`} className="text-sm text-muted hover:text-ink">
                Notebook
              </Link>
            ) : null}
            <Link href={`/compare?runs=${runId}`} className="text-sm text-accent underline">
              Compare
            </Link>
            <ShareButton runId={runId} />
          </>
        }
      />

      <div className="mb-4 rounded-lg border border-line bg-panel p-3">
        <RunProgress
          feed={live.feed}
          samplesTotal={samplesTotal}
          onCancel={() => cancel.mutate({ runId })}
          cancelling={cancel.isPending}
        />
        {live.connection === 'error' ? (
          <p className="mt-1 text-xs text-danger">Live updates lost: {live.connectionError}</p>
        ) : null}
      </div>

      <RunDashboard feed={live.feed} revision={live.revision} recordsState={recordsState} />

      <section className="mt-4 rounded-lg border border-line bg-panel p-3">
        <h2 className="text-sm font-medium">Snapshots</h2>
        <SnapshotTimeline
          runId={runId}
          totalTicks={data.totalTicks}
          selectedId={snapshot?.id ?? null}
          onSelect={setSnapshot}
          live={!live.feed.finished}
        />
      </section>

      {snapshot ? (
        <section className="mt-4">
          <WeightsPanel spec={data.spec} snapshotId={snapshot.id} tick={snapshot.tick} />
        </section>
      ) : null}
    </div>
  );
}
