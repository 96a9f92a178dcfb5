/**
 * Runs `findFirstDivergence` in a worker thread spawned for the call, so the replay's CPU time
 * (up to about a second) does not block the server's event loop, and ends the thread when the
 * replay exceeds its time limit.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

import type { Divergence, NumericMode } from './core-api';

export interface DivergenceRequest {
  /** The run's stored spec; the thread parses it with the core's schema. */
  spec: unknown;
  /** The run's mode, which overrides the spec's. */
  mode: NumericMode;
  seed: number;
  ticks: number;
}

export type DivergenceReply =
  { type: 'result'; divergence: Divergence | null } | { type: 'failed'; message: string };

/** Thrown when a replay runs longer than its time limit; its thread has been terminated. */
export class ReplayTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`divergence replay timed out after ${timeoutMs} ms`);
    this.name = 'ReplayTimeoutError';
  }
}

// NOTE: the paths start from the working directory, not from import.meta.url, because under
// Next.js this file runs from a bundle outside the source tree. The dev server (`npm run dev`),
// the browser tests' server and vitest all start in the repository root.
const BOOTSTRAP = pathToFileURL(path.resolve(process.cwd(), 'workers/thread/bootstrap.mjs')).href;
const ENTRY = pathToFileURL(path.resolve(process.cwd(), 'server/services/divergence-thread.ts')).href;

// Turbopack bundles a file whose path is given to `new Worker`, tsx included, and tsx does not
// survive bundling. So the thread starts from this source text, which imports the bootstrap by
// the URL in its workerData at run time.
const LOADER = "import(require('node:worker_threads').workerData.bootstrap);";

export function replayDivergence(request: DivergenceRequest, timeoutMs: number): Promise<Divergence | null> {
  const worker = new Worker(LOADER, {
    eval: true,
    workerData: { ...request, bootstrap: BOOTSTRAP, entry: ENTRY },
  });

  return new Promise<Divergence | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ReplayTimeoutError(timeoutMs));
      void worker.terminate();
    }, timeoutMs);
    const settle = () => clearTimeout(timer);

    worker.once('message', (reply: DivergenceReply) => {
      settle();
      if (reply.type === 'result') resolve(reply.divergence);
      else reject(new Error(`divergence replay failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      // After a message or an error this rejection is ignored, because the promise is settled.
      reject(new Error(`divergence replay thread exited with code ${code} before it replied`));
    });
  });
}
