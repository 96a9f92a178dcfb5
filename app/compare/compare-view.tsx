'use client';

import { useQuery } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { LinePlot } from '../_components/plots/line-plot';
import { formatRelative } from '../_components/ui/format';
import { PageHeader } from '../_components/ui/page-header';
import { EmptyState, ErrorBox, Loading } from '../_components/ui/states';
import { StatusPill } from '../_run/status-pill';
import { useOwnRun } from '../_run/use-run-view';
import { useTRPC } from '../_trpc/react';
import { alignSeries } from './align';
import { DivergencePanel } from './divergence-panel';
import { SpecDiff } from './spec-diff';

/** Maximum number of overlaid runs; more lines than the palette's colours stop being readable. */
const MAX_COMPARED = 4;

interface LoadedRun {
  label: string;
  ticks: number[];
  accuracy: (number | null)[];
  synapticOps: number[];
  energy: number[];
  spec: unknown;
}

/** Overlays the metrics of chosen runs and diffs the specs of the first two. */
export function CompareView() {
  const trpc = useTRPC();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const notebookId = params.get('notebook') ?? undefined;
  const selected = useMemo(
    () => (params.get('runs') ?? '').split(',').filter(Boolean).slice(0, MAX_COMPARED),
    [params],
  );
  const runs = useQuery(trpc.runs.list.queryOptions({ limit: 100, ...(notebookId ? { notebookId } : {}) }));
  const [loaded, setLoaded] = useState<Record<string, LoadedRun>>({});

  const onLoaded = useCallback(
    (runId: string, run: LoadedRun) => setLoaded((previous) => ({ ...previous, [runId]: run })),
    [],
  );

  const toggle = (runId: string) => {
    const next = selected.includes(runId)
      ? selected.filter((id) => id !== runId)
      : [...selected, runId].slice(-MAX_COMPARED);
    const query = new URLSearchParams(params);
    query.set('runs', next.join(','));
    router.replace(`${pathname}?${query.toString()}`);
  };

  const shown = selected.flatMap((id) => (loaded[id] ? [{ id, ...loaded[id] }] : []));
  const overlay = (pick: (run: LoadedRun) => readonly (number | null)[]) => {
    const aligned = alignSeries(shown.map((run) => ({ x: run.ticks, y: pick(run) })));
    return {
      x: aligned.x,
      series: aligned.ys.map((values, index) => ({
        label: shown[index]?.label ?? '',
        values,
        colorIndex: index,
      })),
    };
  };
  const accuracy = overlay((run) => run.accuracy);
  const synapticOps = overlay((run) => run.synapticOps);
  const energy = overlay((run) => run.energy);

  return (
    <div>
      <PageHeader
        title="Compare runs"
        subtitle={`Choose up to ${MAX_COMPARED} runs; their metrics are overlaid and the first two specs are diffed.`}
      />
      {selected.map((runId) => (
        <RunSource key={runId} runId={runId} onLoaded={onLoaded} />
      ))}

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[340px_minmax(0,1fr)]">
        <aside className="rounded-lg border border-line bg-panel p-3">
          <h2 className="mb-2 text-sm font-medium">Runs{notebookId ? ' of this notebook' : ''}</h2>
          {runs.isPending ? <Loading /> : null}
          {runs.error ? (
            <ErrorBox title="Could not load runs" error={runs.error} onRetry={() => void runs.refetch()} />
          ) : null}
          {runs.data?.runs.length === 0 ? <p className="text-sm text-muted">No runs yet.</p> : null}
          <ul className="max-h-[70vh] space-y-1 overflow-y-auto" data-testid="compare-run-list">
            {runs.data?.runs.map((run) => (
              <li key={run.id}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-panel-2">
                  <input
                    type="checkbox"
                    checked={selected.includes(run.id)}
                    onChange={() => toggle(run.id)}
                  />
                  <span className="font-mono text-xs">{run.id.slice(0, 8)}</span>
                  <span className="text-xs text-muted">seed {run.seed}</span>
                  <span className="text-xs text-muted">{formatRelative(run.createdAt)}</span>
                  <span className="ml-auto">
                    <StatusPill status={run.status} testId="compare-run-status" />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </aside>

        <div className="min-w-0 space-y-4">
          {selected.length === 0 ? (
            <EmptyState title="No run chosen">
              Tick runs on the left to overlay their accuracy, synaptic operations and energy.
            </EmptyState>
          ) : (
            <>
              <LinePlot
                title="Accuracy"
                xLabel="tick"
                yLabel="accuracy"
                yRange={[0, 1]}
                x={accuracy.x}
                series={accuracy.series}
                testId="compare-accuracy"
              />
              <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
                <LinePlot
                  title="Synaptic operations"
                  xLabel="tick"
                  yLabel="ops / tick"
                  x={synapticOps.x}
                  series={synapticOps.series}
                />
                <LinePlot
                  title="Energy"
                  badge="estimate"
                  xLabel="tick"
                  yLabel="nJ (estimate)"
                  x={energy.x}
                  series={energy.series}
                />
              </div>
              {shown.length >= 2 ? (
                <SpecDiff before={shown[0]!} after={shown[1]!} />
              ) : (
                <p className="text-sm text-muted">Choose a second run to diff the specs.</p>
              )}
              <DivergencePanel runs={shown.map((run) => ({ id: run.id, label: run.label }))} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}

/** Loads one run's whole feed and reports its series; renders nothing. */
function RunSource({
  runId,
  onLoaded,
}: {
  runId: string;
  onLoaded: (runId: string, run: LoadedRun) => void;
}) {
  const { run, live } = useOwnRun(runId);
  // The hook returns a new object on every render, so the effect depends on its parts instead.
  const feed = live?.feed ?? null;
  const revision = live?.revision ?? 0;

  useEffect(() => {
    if (!feed || !run.data) return;
    const { series } = feed;
    onLoaded(runId, {
      label: `${runId.slice(0, 8)} seed ${run.data.seed}`,
      ticks: series.ticks.slice(),
      accuracy: series.accuracy.slice(),
      synapticOps: series.synapticOpsPerTick.slice(),
      energy: series.energyNanojoules.slice(),
      spec: run.data.spec,
    });
    // `revision` changes whenever the feed gains a chunk.
  }, [runId, run.data, feed, revision, onLoaded]);

  return null;
}
