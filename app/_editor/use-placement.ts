'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import type { PlacementReport } from '@/core/program';
import type { Spec } from '@/core/spec/schema';

import { useTRPC } from '../_trpc/react';
import type { PlacementReply, PlacementRequest } from './placement.worker';
import { neuronCount, plannedSynapseCount } from './spec-size';

export type PlacementState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'ready'; report: PlacementReport; source: string }
  | { status: 'error'; message: string };

/**
 * Networks up to this size compile in the browser, in a worker (the MNIST template's 88,400
 * synapses took 57 ms in Node on the 2-core build machine). Larger ones go to the server's
 * validate procedure, which has the memory for them.
 */
const BROWSER_MAX_SYNAPSES = 5_000_000;
const BROWSER_MAX_NEURONS = 200_000;

/** Compiles a valid spec whenever it changes and returns its placement report. */
export function usePlacement(spec: Spec | null, specText: string, seed = 0): PlacementState {
  const trpc = useTRPC();
  const [state, setState] = useState<PlacementState>({ status: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const validate = useMutation(trpc.spec.validate.mutationOptions());
  const validateRef = useRef(validate.mutateAsync);
  validateRef.current = validate.mutateAsync;

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    if (!spec) {
      setState({ status: 'idle' });
      return;
    }
    const id = ++requestRef.current;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'pending' }));

    const small =
      plannedSynapseCount(spec) <= BROWSER_MAX_SYNAPSES && neuronCount(spec) <= BROWSER_MAX_NEURONS;
    if (small) {
      workerRef.current ??= new Worker(new URL('./placement.worker.ts', import.meta.url), { type: 'module' });
      const worker = workerRef.current;
      worker.onmessage = (event: MessageEvent<PlacementReply>) => {
        const reply = event.data;
        if (reply.id !== requestRef.current) return;
        setState(
          reply.ok
            ? { status: 'ready', report: reply.report, source: 'compiled in the browser' }
            : { status: 'error', message: reply.message },
        );
      };
      worker.postMessage({ id, spec, seed } satisfies PlacementRequest);
      return;
    }

    validateRef
      .current({ source: { format: 'yaml', text: specText }, seed })
      .then((result) => {
        if (id !== requestRef.current) return;
        setState(
          result.valid
            ? { status: 'ready', report: result.placement, source: 'compiled on the server' }
            : { status: 'error', message: result.message },
        );
      })
      .catch((error: unknown) => {
        if (id === requestRef.current)
          setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  }, [spec, specText, seed]);

  return state;
}
