'use client';

import { formatCount, formatDuration } from '../_components/ui/format';
import type { RunFeed } from './feed';
import { StatusPill } from './status-pill';

export interface RunProgressProps {
  feed: RunFeed;
  /** Samples the data stream presents in the whole run, when the spec has one. */
  samplesTotal: number | null;
  onCancel?: () => void;
  cancelling?: boolean;
}

/** Status, a progress bar and the numbers behind it: ticks, samples, tick rate and time left. */
export function RunProgress({ feed, samplesTotal, onCancel, cancelling }: RunProgressProps) {
  const fraction = feed.totalTicks > 0 ? Math.min(1, feed.ticksDone / feed.totalTicks) : 0;
  const rate = feed.ticksPerSecond();
  const secondsLeft = feed.secondsLeft();
  const samplesDone = feed.series.samplesDone.at(-1) ?? feed.summary?.samplesDone ?? 0;
  const active = !feed.finished;

  return (
    <div
      className="space-y-1.5"
      data-testid="run-progress"
      data-ticks-done={feed.ticksDone}
      data-total-ticks={feed.totalTicks}
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs tabular-nums text-muted">
        <StatusPill status={feed.status} />
        <span>
          tick <span className="text-ink">{formatCount(feed.ticksDone)}</span> /{' '}
          {formatCount(feed.totalTicks)} ({Math.floor(fraction * 100)}%)
        </span>
        {samplesTotal ? (
          <span data-testid="run-samples">
            samples <span className="text-ink">{formatCount(samplesDone)}</span> / {formatCount(samplesTotal)}
          </span>
        ) : null}
        {active && rate !== null ? <span>{formatCount(Math.round(rate))} ticks/s</span> : null}
        {active && secondsLeft !== null ? <span>{formatDuration(secondsLeft)} left</span> : null}
        {active && onCancel ? (
          <button
            type="button"
            onClick={onCancel}
            disabled={cancelling}
            className="ml-auto rounded border border-line px-2 py-0.5 text-xs text-ink hover:bg-panel-2 disabled:opacity-50"
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
      <div
        className="h-1.5 overflow-hidden rounded-full bg-panel-2"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={feed.totalTicks}
        aria-valuenow={feed.ticksDone}
      >
        <div
          className={`h-full rounded-full transition-[width] duration-300 ${feed.status === 'failed' ? 'bg-danger' : feed.status === 'cancelled' ? 'bg-warn' : 'bg-accent'}`}
          style={{ width: `${fraction * 100}%` }}
        />
      </div>
      {feed.error ? (
        <p className="text-xs text-danger" role="alert">
          {feed.error}
        </p>
      ) : null}
    </div>
  );
}

/** Samples the data stimuli present over a run (samples x epochs of the first data stream). */
export function samplesInSpec(
  spec: { stimulus?: { data?: { samples?: number; epochs?: number } }[] } | null,
): number | null {
  const data = spec?.stimulus?.find((stimulus) => stimulus.data)?.data;
  if (!data?.samples) return null;
  return data.samples * (data.epochs ?? 1);
}
