'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { Button } from '../_components/ui/button';
import { ErrorBox } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

export interface DivergencePanelProps {
  runs: readonly { id: string; label: string }[];
}

/**
 * Replays a chosen run in the other numeric mode on the server and marks the first tick, and
 * the neuron, whose spikes differ from the run's own mode.
 */
export function DivergencePanel({ runs }: DivergencePanelProps) {
  const trpc = useTRPC();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [requestedId, setRequestedId] = useState<string | null>(null);
  const runId = runs.find((run) => run.id === chosenId)?.id ?? runs[0]?.id ?? null;
  const replay = useQuery(
    trpc.runs.divergence.queryOptions(
      { runId: requestedId ?? '' },
      { enabled: requestedId !== null, staleTime: Infinity, retry: false },
    ),
  );

  return (
    <section className="rounded-lg border border-line bg-panel p-3" data-testid="divergence-panel">
      <h2 className="mb-2 text-sm font-medium">Replay in the other numeric mode</h2>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <select
          className="h-8 rounded-md border border-line bg-panel px-2 text-sm"
          value={runId ?? ''}
          onChange={(event) => setChosenId(event.target.value)}
          aria-label="Run to replay"
        >
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.label}
            </option>
          ))}
        </select>
        <Button
          size="sm"
          onClick={() => setRequestedId(runId)}
          busy={replay.isFetching}
          disabled={runId === null}
          data-testid="replay-button"
        >
          Replay and compare spikes
        </Button>
      </div>

      {replay.error ? <ErrorBox title="The replay failed" error={replay.error} /> : null}
      {replay.data ? (
        <p
          className="mt-2 text-sm"
          data-testid="divergence-result"
          data-divergence-tick={replay.data.divergence?.tick ?? ''}
        >
          {replay.data.divergence ? (
            <>
              First divergence at <strong className="text-danger">tick {replay.data.divergence.tick}</strong>:{' '}
              {replay.data.divergence.population}[{replay.data.divergence.neuron}] spiked in{' '}
              {replay.data.divergence.spikedInRunMode ? replay.data.runMode : replay.data.otherMode} mode
              only.
            </>
          ) : (
            <>
              No divergence: {replay.data.runMode} and {replay.data.otherMode} mode spike alike over{' '}
              {replay.data.ticksCompared} ticks.
            </>
          )}
        </p>
      ) : null}
    </section>
  );
}
