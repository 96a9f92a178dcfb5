'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { useTRPC } from '../_trpc/react';
import type { RunCell, SpecCell } from './cells';
import { applyDataOverrides } from './data-overrides';

/**
 * Starts runs from run cells. The notebook is saved first, because the server reads the network
 * from the stored cell. A run with data overrides sends the edited spec text instead.
 */
export function useRunStarter(
  notebookId: string,
  flush: () => Promise<void>,
  onStarted: (runCellId: string, runId: string) => void,
) {
  const trpc = useTRPC();
  const create = useMutation(trpc.runs.create.mutationOptions());
  const [starting, setStarting] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, unknown>>({});

  const start = async (runCell: RunCell, specCell: SpecCell) => {
    setStarting(runCell.id);
    setErrors((previous) => ({ ...previous, [runCell.id]: null }));
    try {
      await flush();
      const overridden = runCell.split !== null || runCell.samples !== null;
      // NOTE: a run with data overrides is created from spec text, so the server does not link it
      // to this notebook. The run cell still remembers it.
      const source = overridden
        ? {
            kind: 'spec' as const,
            spec: { format: 'yaml' as const, text: applyDataOverrides(specCell.source, runCell) },
          }
        : { kind: 'cell' as const, notebookId, cellId: specCell.id };
      const run = await create.mutateAsync({
        source,
        ...(runCell.seed === null ? {} : { seed: runCell.seed }),
        ...(runCell.mode === null ? {} : { mode: runCell.mode }),
        ...(runCell.ticks === null ? {} : { ticks: runCell.ticks }),
      });
      onStarted(runCell.id, run.id);
    } catch (error) {
      setErrors((previous) => ({ ...previous, [runCell.id]: error }));
    } finally {
      setStarting(null);
    }
  };

  return { start, starting, errors };
}
