/**
 * Entry of the worker thread that replays a run in both numeric modes (`divergence-replay.ts`).
 * It computes one result from its workerData, posts it and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { findFirstDivergence, parseSpec } from './core-api';
import type { DivergenceReply, DivergenceRequest } from './divergence-replay';

const port = parentPort;
if (!port) throw new Error('divergence-thread.ts must run in a worker thread');

const { spec, mode, seed, ticks } = workerData as DivergenceRequest;
let reply: DivergenceReply;
try {
  const parsed = parseSpec(spec);
  // The run may override the spec's mode, and the replay takes its own mode from the spec.
  const divergence = findFirstDivergence({ ...parsed, chip: { ...parsed.chip, mode } }, { seed, ticks });
  reply = { type: 'result', divergence };
} catch (error) {
  reply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
