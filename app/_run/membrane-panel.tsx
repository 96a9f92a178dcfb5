'use client';

import { useMemo, useState } from 'react';

import { LinePlot } from '../_components/plots/line-plot';
import type { RunFeed } from './feed';

/** Neurons drawn when the panel opens; more can be ticked. */
const DEFAULT_SHOWN = 3;

export interface MembranePanelProps {
  feed: RunFeed;
  revision: number;
  /** Whether the spec records state variables at all. */
  recordsState: boolean;
}

/**
 * Draws the sampled state (membrane potential `v`, current `u` or threshold) of chosen neurons
 * of a run, following the run as its chunks arrive.
 */
export function MembranePanel({ feed, revision, recordsState }: MembranePanelProps) {
  const available = feed.traces.list();
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [shownByKey, setShownByKey] = useState<Record<string, number[]>>({});

  const series = available.find((candidate) => candidate.key === chosenKey) ?? preferMembrane(available);
  const shown = series ? (shownByKey[series.key] ?? series.neurons.slice(0, DEFAULT_SHOWN)) : [];

  // The feed grows its arrays in place; copies per revision give the plot new data to draw.
  const plotted = useMemo(() => {
    if (!series) return { ticks: [] as number[], traces: [], maxValue: null };
    const traces = shown.flatMap((neuron) => {
      const column = series.neurons.indexOf(neuron);
      const values = series.valuesByNeuron[column];
      if (!values) return [];
      return [{ label: `${series.population}[${neuron}] ${series.variable}`, values: values.slice() }];
    });
    const maxValue = traces.length === 0 ? null : Math.max(...traces.flatMap((trace) => trace.values));
    return { ticks: series.ticks.slice(), traces, maxValue };
  }, [series, shown.join(','), revision]);

  const toggle = (neuron: number) => {
    if (!series) return;
    const next = shown.includes(neuron)
      ? shown.filter((n) => n !== neuron)
      : [...shown, neuron].sort((a, b) => a - b);
    setShownByKey((previous) => ({ ...previous, [series.key]: next }));
  };

  const controls = series ? (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs font-normal text-muted">
      <select
        className="h-6 rounded-md border border-line bg-panel px-1 text-xs"
        value={series.key}
        onChange={(event) => setChosenKey(event.target.value)}
        aria-label="Recorded state variable"
      >
        {available.map((candidate) => (
          <option key={candidate.key} value={candidate.key}>
            {candidate.population} · {candidate.variable}
          </option>
        ))}
      </select>
      <span>neurons</span>
      {series.neurons.map((neuron) => (
        <label key={neuron} className="flex items-center gap-0.5 tabular-nums">
          <input
            type="checkbox"
            checked={shown.includes(neuron)}
            onChange={() => toggle(neuron)}
            aria-label={`Show neuron ${neuron}`}
          />
          {neuron}
        </label>
      ))}
      {series.thinned ? <span>some samples dropped to stay within the chunk limit</span> : null}
    </span>
  ) : null;

  return (
    <div
      data-testid="membrane-traces"
      data-samples={plotted.ticks.length}
      data-neurons={shown.join(',')}
      data-last-tick={plotted.ticks.at(-1) ?? ''}
      data-max-value={plotted.maxValue ?? ''}
    >
      <LinePlot
        title="Membrane traces"
        badge={controls}
        testId="plot-membrane"
        xLabel="tick"
        yLabel={series?.variable ?? 'value'}
        x={plotted.ticks}
        series={plotted.traces.map((trace, index) => ({ ...trace, colorIndex: index }))}
        emptyText={
          recordsState
            ? 'Waiting for the first recorded samples'
            : 'No state recorded (add record.state to the spec)'
        }
      />
    </div>
  );
}

function preferMembrane<T extends { variable: string }>(available: readonly T[]): T | undefined {
  return available.find((candidate) => candidate.variable === 'v') ?? available[0];
}
