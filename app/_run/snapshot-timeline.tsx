'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

import { Button } from '../_components/ui/button';
import { formatCount, formatRelative } from '../_components/ui/format';
import { ErrorBox, Loading } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

export interface SnapshotTimelineProps {
  runId: string;
  totalTicks: number;
  selectedId: string | null;
  onSelect: (snapshot: { id: string; tick: number }) => void;
  /** Refetches while the run is live, since checkpoints arrive as it goes. */
  live: boolean;
}

/**
 * Shows the run's snapshots on a line from tick 0 to the end. Each can be shown (its weights),
 * downloaded as safetensors, or forked into a new run that resumes from it bit for bit.
 */
export function SnapshotTimeline({ runId, totalTicks, selectedId, onSelect, live }: SnapshotTimelineProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const snapshots = useQuery(
    trpc.snapshots.list.queryOptions({ runId }, { refetchInterval: live ? 5_000 : false }),
  );
  const fork = useMutation(
    trpc.snapshots.fork.mutationOptions({ onSuccess: (run) => router.push(`/runs/${run.id}`) }),
  );

  if (snapshots.isPending) return <Loading label="Loading snapshots…" />;
  if (snapshots.error)
    return (
      <ErrorBox
        title="Could not load snapshots"
        error={snapshots.error}
        onRetry={() => void snapshots.refetch()}
      />
    );
  if (snapshots.data.length === 0)
    return (
      <p className="text-sm text-muted">No snapshot yet: the first is written at the first checkpoint.</p>
    );

  return (
    <div data-testid="snapshot-timeline">
      <div className="relative mx-2 mb-4 mt-3 h-6">
        <div className="absolute inset-x-0 top-1/2 h-px bg-line" />
        {snapshots.data.map((snapshot) => (
          <button
            key={snapshot.id}
            type="button"
            title={`tick ${snapshot.tick} (${snapshot.kind})`}
            onClick={() => onSelect(snapshot)}
            className={`absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 ${
              snapshot.id === selectedId
                ? 'border-accent bg-accent'
                : 'border-accent bg-panel hover:bg-accent/40'
            }`}
            style={{ left: `${totalTicks > 0 ? (snapshot.tick / totalTicks) * 100 : 0}%` }}
            aria-label={`Snapshot at tick ${snapshot.tick}`}
          />
        ))}
      </div>
      {/* On a narrow screen the table scrolls sideways inside this box instead of widening the page. */}
      <div className="overflow-x-auto" data-testid="snapshot-table">
        <table className="w-full text-left text-xs whitespace-nowrap tabular-nums">
          <thead className="text-muted">
            <tr className="border-b border-line">
              <th className="py-1 pr-3 font-normal">tick</th>
              <th className="py-1 pr-3 font-normal">kind</th>
              <th className="py-1 pr-3 font-normal">size</th>
              <th className="py-1 pr-3 font-normal">written</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {snapshots.data.map((snapshot) => (
              <tr
                key={snapshot.id}
                className={`border-b border-line/60 ${snapshot.id === selectedId ? 'bg-accent/5' : ''}`}
              >
                <td className="py-1 pr-3">{formatCount(snapshot.tick)}</td>
                <td className="py-1 pr-3">{snapshot.kind}</td>
                <td className="py-1 pr-3">{(snapshot.bytes / 1024).toFixed(0)} KiB</td>
                <td className="py-1 pr-3">{formatRelative(snapshot.createdAt)}</td>
                <td className="flex justify-end gap-1 py-1">
                  <Button size="sm" variant="ghost" onClick={() => onSelect(snapshot)}>
                    Show weights
                  </Button>
                  <a
                    className="inline-flex h-7 items-center px-2 text-xs text-accent underline"
                    href={`/api/snapshots/${snapshot.id}`}
                  >
                    Download
                  </a>
                  <Button
                    size="sm"
                    busy={fork.isPending && fork.variables.snapshotId === snapshot.id}
                    onClick={() => fork.mutate({ snapshotId: snapshot.id })}
                  >
                    Fork
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {fork.error ? <ErrorBox title="Could not fork the run" error={fork.error} /> : null}
    </div>
  );
}
