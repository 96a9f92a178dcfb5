'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import { ErrorBox, Loading } from '../_components/ui/states';
import { ReceptiveFieldGrid } from '../_components/weights/receptive-fields';
import { WeightHeatmap } from '../_components/weights/weight-heatmap';
import { denseProjections, fetchSnapshotWeights } from './snapshot-weights';

const MNIST_PIXELS = 784;

/** Draws the weights of every dense projection at one snapshot, with receptive fields for 784-input ones. */
export function WeightsPanel({
  spec,
  snapshotId,
  tick,
}: {
  spec: unknown;
  snapshotId: string;
  tick: number;
}) {
  const projections = useMemo(() => denseProjections(spec), [spec]);
  const weights = useQuery({
    queryKey: ['snapshot-weights', snapshotId],
    queryFn: ({ signal }) => fetchSnapshotWeights(snapshotId, signal),
    staleTime: Infinity,
  });

  if (projections.length === 0) {
    return (
      <p className="text-sm text-muted">
        No dense projection to draw; weights of sparse projections are in the snapshot file.
      </p>
    );
  }
  if (weights.isPending) return <Loading label={`Loading weights at tick ${tick}…`} />;
  if (weights.error)
    return (
      <ErrorBox
        title="Could not load the snapshot"
        error={weights.error}
        onRetry={() => void weights.refetch()}
      />
    );

  return (
    <div
      className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]"
      data-testid="weights-panel"
    >
      {projections.map((projection) => {
        const values = weights.data.get(projection.name);
        if (!values) return null;
        return (
          <div key={projection.name} className="contents">
            <WeightHeatmap
              title={`${projection.name} at tick ${tick}`}
              weights={values}
              fromSize={projection.fromSize}
              toSize={projection.toSize}
              fromLabel={projection.from}
              toLabel={projection.to}
            />
            {projection.fromSize === MNIST_PIXELS ? (
              <ReceptiveFieldGrid weights={values} toSize={projection.toSize} toLabel={projection.to} />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
