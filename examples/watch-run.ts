/**
 * Follows a run's progress subscription until the run ends. The subscription resumes by event id
 * after a dropped connection (the EventSource reconnects by itself), so a short outage loses no
 * event; a server that stays away longer than `reconnectTimeoutMs` ends the watch.
 */
import { z } from 'zod';

import { ApiFailure, type LivenetClient } from './livenet-api';

type ProgressItem = Parameters<
  NonNullable<Parameters<LivenetClient['runs']['progress']['subscribe']>[1]['onData']>
>[0];
export type ProgressMessage = ProgressItem['data'];
export type StatusMessage = Extract<ProgressMessage, { type: 'status' }>;

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** The fields of a metric chunk that the client prints; the worker writes more. */
export const chunkDataSchema = z.object({
  tick: z.number(),
  samplesDone: z.number(),
  accuracy: z.number().nullable(),
  spikeCounts: z.record(z.string(), z.number()),
});

export interface WatchOptions {
  /** How long the client keeps reconnecting before it gives up, in milliseconds. */
  reconnectTimeoutMs: number;
  signal?: AbortSignal;
}

/** Calls `onMessage` for every progress message and resolves with the run's final status. */
export function watchRun(
  client: LivenetClient,
  runId: string,
  onMessage: (message: ProgressMessage) => void,
  options: WatchOptions,
): Promise<StatusMessage> {
  return new Promise((resolve, reject) => {
    let reconnectTimer: NodeJS.Timeout | undefined;
    const stopTimer = () => {
      clearTimeout(reconnectTimer);
      reconnectTimer = undefined;
    };

    const subscription = client.runs.progress.subscribe(
      { runId },
      {
        onData: (item) => {
          stopTimer();
          onMessage(item.data);
          if (item.data.type === 'status' && FINISHED.has(item.data.status)) {
            // Settle first: unsubscribing completes the stream, which would count as an early end.
            resolve(item.data);
            subscription.unsubscribe();
          }
        },
        onError: (error) => {
          stopTimer();
          subscription.unsubscribe();
          reject(error);
        },
        onConnectionStateChange: (state) => {
          if (state.state === 'pending') stopTimer();
          if (state.state !== 'connecting' || state.error === null || reconnectTimer !== undefined) return;

          const cause = state.error;
          reconnectTimer = setTimeout(() => {
            subscription.unsubscribe();
            reject(
              new ApiFailure(
                'unreachable',
                `lost the progress stream of run ${runId} for ${options.reconnectTimeoutMs / 1000} s: ${cause.message}`,
              ),
            );
          }, options.reconnectTimeoutMs);
        },
        onComplete: () => {
          stopTimer();
          reject(new ApiFailure('server', `the progress stream of run ${runId} ended before the run did`));
        },
      },
    );

    options.signal?.addEventListener('abort', () => {
      stopTimer();
      subscription.unsubscribe();
      reject(new ApiFailure('server', 'interrupted'));
    });
  });
}
