'use client';

import { LinePlot, type LineSeries } from './line-plot';

interface SeriesProps {
  ticks: ArrayLike<number>;
  heightPx?: number;
}

/** Fraction of samples classified correctly, per evaluation window. */
export function AccuracyPlot(props: SeriesProps & { accuracy: ArrayLike<number | null> }) {
  return (
    <LinePlot
      title="Accuracy"
      testId="plot-accuracy"
      xLabel="tick"
      yLabel="accuracy"
      yRange={[0, 1]}
      x={props.ticks}
      series={[{ label: 'accuracy', values: props.accuracy, colorIndex: 0 }]}
      heightPx={props.heightPx}
    />
  );
}

/** Synaptic operations (spikes delivered through a synapse) per tick. */
export function SynapticOpsPlot(props: SeriesProps & { synapticOps: ArrayLike<number | null> }) {
  return (
    <LinePlot
      title="Synaptic operations"
      testId="plot-synops"
      xLabel="tick"
      yLabel="ops / tick"
      x={props.ticks}
      series={[{ label: 'synaptic ops', values: props.synapticOps, colorIndex: 1 }]}
      heightPx={props.heightPx}
    />
  );
}

/**
 * Plots the energy derived from the event counters and a per-event cost table. It is an estimate,
 * not a measurement, and the label states that together with the table it used.
 */
export function EnergyPlot(
  props: SeriesProps & { energyNanojoules: ArrayLike<number | null>; costTable: string },
) {
  return (
    <LinePlot
      title="Energy"
      badge={
        <span data-testid="energy-estimate-label">
          estimate · cost table <span className="font-mono">{props.costTable}</span>
        </span>
      }
      testId="plot-energy"
      xLabel="tick"
      yLabel="nJ (estimate)"
      x={props.ticks}
      series={[{ label: 'energy estimate (nJ)', values: props.energyNanojoules, colorIndex: 2 }]}
      heightPx={props.heightPx}
    />
  );
}

export interface MembraneTrace {
  /** For example `out[3] v`. */
  label: string;
  values: ArrayLike<number | null>;
}

/** Recorded state variables of a few neurons over time. */
export function MembraneTracePlot(
  props: SeriesProps & { traces: readonly MembraneTrace[]; emptyText?: string },
) {
  const series: LineSeries[] = props.traces.map((trace, index) => ({
    label: trace.label,
    values: trace.values,
    colorIndex: index,
  }));
  return (
    <LinePlot
      title="Membrane traces"
      testId="plot-membrane"
      xLabel="tick"
      yLabel="value"
      x={props.ticks}
      series={series}
      heightPx={props.heightPx}
      emptyText={props.emptyText ?? 'No state recorded (add record.state to the spec)'}
    />
  );
}
