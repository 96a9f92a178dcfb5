'use client';

import { useMemo, useState } from 'react';

import { PlacementPanel } from '../../_components/placement/placement-panel';
import {
  AccuracyPlot,
  EnergyPlot,
  MembraneTracePlot,
  SynapticOpsPlot,
} from '../../_components/plots/metric-plots';
import { SpikeRaster } from '../../_components/raster/spike-raster';
import { ReceptiveFieldGrid } from '../../_components/weights/receptive-fields';
import { WeightHeatmap } from '../../_components/weights/weight-heatmap';
import { syntheticMetrics, templatePlacement, syntheticSpikes, syntheticWeights } from './synthetic';

const RASTER_TICKS = 20_000;
const POPULATIONS = [
  { name: 'in', offset: 0, size: 784 },
  { name: 'out', offset: 784, size: 100 },
];

export function ComponentGallery() {
  const [spikeTotal, setSpikeTotal] = useState(1_000_000);
  const spikes = useMemo(() => syntheticSpikes(spikeTotal, RASTER_TICKS), [spikeTotal]);
  const weights = useMemo(() => syntheticWeights(100), []);
  const placement = useMemo(() => templatePlacement(), []);
  const metrics = useMemo(() => syntheticMetrics(200), []);
  const activity = useMemo(() => placement.cores.map((_, i) => ((i * 37) % 23) / 2 + 1), [placement]);

  return (
    <div className="space-y-4">
      <header className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Components</h1>
        <label className="text-sm text-muted">
          spikes{' '}
          <select
            className="rounded border border-line bg-panel px-1 py-0.5 text-ink"
            value={spikeTotal}
            onChange={(event) => setSpikeTotal(Number(event.target.value))}
            data-testid="spike-total"
          >
            <option value={10_000}>10,000</option>
            <option value={1_000_000}>1,000,000</option>
            <option value={2_000_000}>2,000,000</option>
          </select>
        </label>
      </header>

      <section className="rounded-lg border border-line bg-panel p-3">
        <h2 className="mb-2 text-sm font-medium">Spike raster</h2>
        <SpikeRaster
          ticks={spikes.ticks}
          neurons={spikes.neurons}
          count={spikes.length}
          neuronCount={884}
          lastTick={RASTER_TICKS}
          populations={POPULATIONS}
          heightPx={300}
        />
      </section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <AccuracyPlot ticks={metrics.ticks} accuracy={metrics.accuracy} />
        <SynapticOpsPlot ticks={metrics.ticks} synapticOps={metrics.synapticOps} />
        <EnergyPlot ticks={metrics.ticks} energyNanojoules={metrics.energy} costTable="loihi2-like" />
        <MembraneTracePlot
          ticks={metrics.ticks}
          traces={[
            { label: 'out[0] v', values: metrics.v0 },
            { label: 'out[1] v', values: metrics.v1 },
          ]}
        />
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <WeightHeatmap
          weights={weights}
          fromSize={784}
          toSize={100}
          fromLabel="in"
          toLabel="out"
          heightPx={300}
        />
        <ReceptiveFieldGrid weights={weights} toSize={100} toLabel="out" />
      </div>

      <PlacementPanel
        report={placement}
        activity={activity}
        activityLabel="spikes / tick"
        source="MNIST template, compiled in the browser"
      />
    </div>
  );
}
