'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';

import { useTRPC } from '../_trpc/react';
import { runSpecShapeSchema } from './messages';
import { samplesInSpec } from './run-progress';
import { useRunFeed } from './use-run-feed';

/** Loads a run of the signed-in user: its stored row, the shape of its spec and its live feed. */
export function useOwnRun(runId: string) {
  const trpc = useTRPC();
  const run = useQuery(trpc.runs.get.queryOptions({ runId }));
  const spec = useMemo(() => {
    const parsed = runSpecShapeSchema.safeParse(run.data?.spec);
    return parsed.success ? parsed.data : null;
  }, [run.data?.spec]);
  const live = useRunFeed(spec ? { kind: 'run', runId } : null, spec);

  return { run, spec, live, samplesTotal: samplesInSpec(spec), recordsState: recordsState(run.data?.spec) };
}

/** Loads a shared run through its token, for anyone holding the link. */
export function useSharedRun(token: string) {
  const trpc = useTRPC();
  const run = useQuery(trpc.share.read.queryOptions({ token }));
  const spec = useMemo(() => {
    const parsed = runSpecShapeSchema.safeParse(run.data?.spec);
    return parsed.success ? parsed.data : null;
  }, [run.data?.spec]);
  const live = useRunFeed(spec ? { kind: 'share', token } : null, spec);

  return { run, spec, live, samplesTotal: samplesInSpec(spec), recordsState: recordsState(run.data?.spec) };
}

const recordsStateSchema = z.object({ record: z.object({ state: z.array(z.unknown()).min(1) }) });

function recordsState(spec: unknown): boolean {
  return recordsStateSchema.safeParse(spec).success;
}
