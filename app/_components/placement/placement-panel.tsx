'use client';

import type { PlacementReport } from '@/core/program';

import { CoreMap } from './core-map';

export interface PlacementPanelProps {
  report: PlacementReport;
  /** Activity per core, in the order of `report.cores`. */
  activity?: ArrayLike<number>;
  activityLabel?: string;
  /** Origin of the report, shown in small print ("compiled in the browser"). */
  source?: string;
}

/** Shows how the compiler placed a network on the chip: totals, per-population fan-in/out and the core map. */
export function PlacementPanel({ report, activity, activityLabel, source }: PlacementPanelProps) {
  const populationNames = report.populations.map((p) => p.name);

  return (
    <section className="rounded-lg border border-line bg-panel p-3 text-sm" data-testid="placement-panel">
      <header className="mb-2 flex items-baseline justify-between gap-2">
        <h3 className="font-medium">Placement</h3>
        <span className="text-xs text-muted">
          {report.profile}
          {source ? ` · ${source}` : ''}
        </span>
      </header>

      <dl className="mb-3 grid grid-cols-3 gap-x-3 gap-y-1.5">
        <Stat label="cores" value={report.coresUsed} testId="placement-cores" />
        <Stat label="chips" value={report.chipsUsed} />
        <Stat label="neurons" value={report.neurons} />
        <Stat label="synapses" value={report.synapses} />
        <Stat label="hops / spike" value={Number(report.estimatedHopsPerSpike.toFixed(2))} hint="estimate" />
        <Stat label="populations" value={report.populations.length} />
      </dl>

      <div className="mb-3 overflow-x-auto">
        <table className="w-full text-left text-xs tabular-nums">
          <thead className="text-muted">
            <tr className="border-b border-line">
              <th className="py-1 pr-3 font-normal">population</th>
              <th className="py-1 pr-3 text-right font-normal">size</th>
              <th className="py-1 pr-3 text-right font-normal">cores</th>
              <th className="py-1 pr-3 text-right font-normal">fan-in</th>
              <th className="py-1 text-right font-normal">fan-out</th>
            </tr>
          </thead>
          <tbody>
            {report.populations.map((population) => (
              <tr key={population.name} className="border-b border-line/60 last:border-0">
                <td className="py-1 pr-3 font-mono">{population.name}</td>
                <td className="py-1 pr-3 text-right">{population.size.toLocaleString('en-US')}</td>
                <td className="py-1 pr-3 text-right">{population.cores}</td>
                <td className="py-1 pr-3 text-right">{population.fanIn.toLocaleString('en-US')}</td>
                <td className="py-1 text-right">{population.fanOut.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <CoreUsage report={report} />
      {report.warnings.length > 0 ? (
        <ul className="mb-3 space-y-0.5 text-xs text-warn" data-testid="placement-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>⚠ {warning}</li>
          ))}
        </ul>
      ) : null}

      <CoreMap
        cores={report.cores}
        populationNames={populationNames}
        activity={activity}
        activityLabel={activityLabel}
      />
    </section>
  );
}

/** Compares the fullest core with each per-core limit of the profile. */
function CoreUsage({ report }: { report: PlacementReport }) {
  const fullest = (pick: (core: PlacementReport['cores'][number]) => number) =>
    report.cores.reduce((max, core) => Math.max(max, pick(core)), 0);
  const rows = [
    { label: 'neurons', used: fullest((core) => core.neuronCount), limit: report.limits.neuronsPerCore },
    {
      label: 'synapse bytes',
      used: fullest((core) => core.synapseBytes),
      limit: report.limits.synapseBytesPerCore,
    },
    {
      label: 'input axons',
      used: fullest((core) => core.inputAxons),
      limit: report.limits.inputAxonsPerCore,
    },
    {
      label: 'output axons',
      used: fullest((core) => core.outputAxons),
      limit: report.limits.outputAxonsPerCore,
    },
  ];

  return (
    <div className="mb-3">
      <p className="mb-1 text-[11px] text-muted">fullest core against the per-core limits</p>
      <div className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs">
        {rows.map((row) => {
          const fraction = row.limit > 0 ? Math.min(1, row.used / row.limit) : 0;
          return (
            <div key={row.label}>
              <div className="flex justify-between tabular-nums">
                <span className="text-muted">{row.label}</span>
                <span>
                  {row.used.toLocaleString('en-US')} / {row.limit.toLocaleString('en-US')}
                </span>
              </div>
              <div className="mt-0.5 h-1.5 rounded-full bg-panel-2">
                <div
                  className={`h-full rounded-full ${fraction > 0.9 ? 'bg-warn' : 'bg-accent'}`}
                  style={{ width: `${fraction * 100}%` }}
                />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Stat(props: { label: string; value: number; hint?: string; testId?: string }) {
  return (
    <div>
      <dt className="text-[11px] text-muted">
        {props.label}
        {props.hint ? <span className="ml-1 italic">({props.hint})</span> : null}
      </dt>
      <dd className="font-medium tabular-nums" data-testid={props.testId}>
        {props.value.toLocaleString('en-US')}
      </dd>
    </div>
  );
}
