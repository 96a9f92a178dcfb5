'use client';

import { useMemo } from 'react';

import { LOIHI_2018_TABLE2 } from '@/core/energy/cost-tables';

import { AccuracyPlot, EnergyPlot, SynapticOpsPlot } from '../_components/plots/metric-plots';
import { SpikeRaster } from '../_components/raster/spike-raster';
import { formatCount } from '../_components/ui/format';
import { EventLog } from './event-log';
import type { RunFeed } from './feed';
import { MembranePanel } from './membrane-panel';

export interface RunDashboardProps {
  feed: RunFeed;
  revision: number;
  /** Whether the spec records state variables (`record.state`). */
  recordsState: boolean;
  rasterHeightPx?: number;
}

/**
 * Draws the live plots of a run: spike raster, accuracy, synaptic operations, energy, membrane
 * traces and events.
 */
export function RunDashboard({ feed, revision, recordsState, rasterHeightPx = 300 }: RunDashboardProps) {
  // The feed grows its arrays in place; copies per revision give the plots new data to draw.
  const series = useMemo(
    () => ({
      ticks: feed.series.ticks.slice(),
      accuracy: feed.series.accuracy.slice(),
      synapticOps: feed.series.synapticOpsPerTick.slice(),
      energy: feed.series.energyNanojoules.slice(),
    }),
    [feed, revision],
  );
  const costTable = feed.summary?.energyTable ?? LOIHI_2018_TABLE2.id;
  const recordedSpikes = feed.recordedSpikeCount();

  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-line bg-panel p-3">
        <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <h2 className="font-medium">Spike raster</h2>
          <span className="text-xs text-muted">
            recorded spikes{' '}
            <span className="tabular-nums text-ink" data-testid="run-spike-count" data-count={recordedSpikes}>
              {formatCount(recordedSpikes)}
            </span>
            {feed.rasterTruncated ? ' · some chunks exceeded the raster limit and are shown in part' : ''}
            {' · wheel to zoom time, Shift+wheel neurons, drag to pan, double-click to reset'}
          </span>
        </header>
        {feed.neuronCount > 0 ? (
          <SpikeRaster
            ticks={feed.spikes.ticks}
            neurons={feed.spikes.neurons}
            count={feed.spikes.length}
            neuronCount={feed.neuronCount}
            lastTick={Math.max(feed.totalTicks, feed.ticksDone, 1)}
            populations={feed.populations}
            revision={revision}
            heightPx={rasterHeightPx}
          />
        ) : (
          <p className="py-6 text-center text-sm text-muted">
            No population is recorded: add `record.spikes` to the spec.
          </p>
        )}
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AccuracyPlot ticks={series.ticks} accuracy={series.accuracy} />
        <SynapticOpsPlot ticks={series.ticks} synapticOps={series.synapticOps} />
        <EnergyPlot ticks={series.ticks} energyNanojoules={series.energy} costTable={costTable} />
        <MembranePanel feed={feed} revision={revision} recordsState={recordsState} />
      </div>

      <section className="rounded-lg border border-line bg-panel p-3">
        <h2 className="mb-2 text-sm font-medium">
          Events <span className="text-xs font-normal text-muted">({formatCount(feed.events.length)})</span>
        </h2>
        <EventLog events={feed.events} />
      </section>
    </div>
  );
}
