'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { KeyboardEvent, ReactNode } from 'react';

import { SpikeRaster } from '../_components/raster/spike-raster';
import { Button } from '../_components/ui/button';
import { ErrorBox, Loading } from '../_components/ui/states';
import { RunProgress } from '../_run/run-progress';
import { useOwnRun } from '../_run/use-run-view';
import { useTRPC } from '../_trpc/react';
import { specCellLabel, type NotebookCell, type RunCell, type SpecCell } from './cells';

export interface RunCellProps {
  notebookId: string;
  cell: RunCell;
  cells: readonly NotebookCell[];
  /** The network cell this run cell will run (its choice, or the nearest above). */
  target: SpecCell | null;
  onChange: (cell: RunCell) => void;
  onStart: () => void;
  starting: boolean;
  startError: unknown;
}

const FIELD = 'h-8 rounded-md border border-line bg-panel px-2 text-sm outline-none focus:border-accent';

/** Renders a run's settings (network, mode, seed, data, length), the run button and the live run. */
export function RunCellView({
  notebookId,
  cell,
  cells,
  target,
  onChange,
  onStart,
  starting,
  startError,
}: RunCellProps) {
  const trpc = useTRPC();
  // A run cell never run here (or stored before run cells were) shows its network's latest run.
  const recent = useQuery(
    trpc.runs.list.queryOptions(
      { notebookId, limit: 50 },
      { enabled: cell.lastRunId === null && target !== null },
    ),
  );
  const shownRunId = cell.lastRunId ?? recent.data?.runs.find((run) => run.cellId === target?.id)?.id ?? null;
  const specCells = cells.filter((candidate): candidate is SpecCell => candidate.type === 'spec');
  const set = (patch: Partial<RunCell>) => onChange({ ...cell, ...patch });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      onStart();
    }
  };

  return (
    <div className="space-y-3" onKeyDown={onKeyDown}>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Network">
          <select
            className={FIELD}
            value={target?.id ?? ''}
            onChange={(event) => set({ specCellId: event.target.value || null })}
            aria-label="Network cell"
          >
            {specCells.length === 0 ? <option value="">no network cell</option> : null}
            {specCells.map((spec) => (
              <option key={spec.id} value={spec.id}>
                {specCellLabel(cells, spec)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Mode">
          <select
            className={FIELD}
            value={cell.mode ?? ''}
            onChange={(event) =>
              set({ mode: event.target.value === '' ? null : (event.target.value as 'fixed' | 'float') })
            }
            aria-label="Numeric mode"
          >
            <option value="">spec&apos;s</option>
            <option value="fixed">fixed</option>
            <option value="float">float</option>
          </select>
        </Field>
        <Field label="Seed">
          <NumberInput
            value={cell.seed}
            placeholder="random"
            onChange={(seed) => set({ seed })}
            label="Seed"
            min={0}
          />
        </Field>
        <Field label="Data split">
          <select
            className={FIELD}
            value={cell.split ?? ''}
            onChange={(event) =>
              set({ split: event.target.value === '' ? null : (event.target.value as 'train' | 'test') })
            }
            aria-label="Data split"
          >
            <option value="">spec&apos;s</option>
            <option value="train">train</option>
            <option value="test">test</option>
          </select>
        </Field>
        <Field label="Samples">
          <NumberInput
            value={cell.samples}
            placeholder="spec's"
            onChange={(samples) => set({ samples })}
            label="Samples"
            min={1}
          />
        </Field>
        <Field label="Length (ticks)">
          <NumberInput
            value={cell.ticks}
            placeholder="whole data"
            onChange={(ticks) => set({ ticks })}
            label="Length in ticks"
            min={1}
          />
        </Field>
        <Button
          variant="primary"
          onClick={onStart}
          busy={starting}
          disabled={!target}
          data-testid="run-button"
        >
          Run <span className="text-xs opacity-70">⇧↵</span>
        </Button>
      </div>

      {startError ? <ErrorBox title="The run could not start" error={startError} /> : null}
      {shownRunId ? <LiveRun key={shownRunId} runId={shownRunId} /> : null}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs text-muted">
      {label}
      {children}
    </label>
  );
}

function NumberInput(props: {
  value: number | null;
  placeholder: string;
  label: string;
  min: number;
  onChange: (value: number | null) => void;
}) {
  return (
    <input
      type="number"
      inputMode="numeric"
      min={props.min}
      step={1}
      value={props.value ?? ''}
      placeholder={props.placeholder}
      aria-label={props.label}
      onChange={(event) => {
        const value = event.target.valueAsNumber;
        props.onChange(Number.isInteger(value) && value >= props.min ? value : null);
      }}
      className={`${FIELD} w-28 tabular-nums`}
    />
  );
}

/** Shows the latest run of this cell live: progress, a small raster and a link to the run page. */
function LiveRun({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const { run, live, samplesTotal } = useOwnRun(runId);
  const cancel = useMutation(trpc.runs.cancel.mutationOptions());

  if (run.isPending) return <Loading label="Loading the run…" />;
  if (run.error)
    return (
      <ErrorBox title="Could not load the last run" error={run.error} onRetry={() => void run.refetch()} />
    );
  if (!live) return <ErrorBox title="The run's spec could not be read" error="unexpected spec shape" />;

  const { feed, revision } = live;
  return (
    <div
      className="space-y-2 rounded-md border border-line bg-panel-2/50 p-2.5"
      data-testid="live-run"
      data-run-id={runId}
    >
      <RunProgress
        feed={feed}
        samplesTotal={samplesTotal}
        onCancel={() => cancel.mutate({ runId })}
        cancelling={cancel.isPending}
      />
      {feed.neuronCount > 0 ? (
        <SpikeRaster
          ticks={feed.spikes.ticks}
          neurons={feed.spikes.neurons}
          count={feed.spikes.length}
          neuronCount={feed.neuronCount}
          lastTick={Math.max(feed.totalTicks, feed.ticksDone, 1)}
          populations={feed.populations}
          revision={revision}
          heightPx={170}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-x-4 text-xs text-muted">
        <span>seed {run.data.seed}</span>
        <span>{run.data.mode} mode</span>
        {feed.series.accuracy.at(-1) != null ? (
          <span>accuracy {(feed.series.accuracy.at(-1)! * 100).toFixed(1)}%</span>
        ) : null}
        {feed.events.length > 0 ? <span>{feed.events.length} events</span> : null}
        {live.connection === 'error' ? (
          <span className="text-danger">live updates lost: {live.connectionError}</span>
        ) : null}
        <Link href={`/runs/${runId}`} className="ml-auto text-accent underline" data-testid="open-run-page">
          Open run page
        </Link>
      </div>
    </div>
  );
}
