/**
 * Messages between a worker's main thread and a run thread. The thread boots once, sends `ready`,
 * and then serves one run after another: `start` opens a session, `advance`, `checkpoint` and
 * `summary` work on it, and `release` drops it so the thread can take the next run. The main
 * thread sends one request at a time and waits for its reply, so replies need no ids.
 */
import type { ChunkReport, NumericMode } from '../../server/services/core-api';
import type { StateTrace } from './state-traces';

export interface RunThreadData {
  /** file: URL of the TypeScript entry that `bootstrap.mjs` loads. */
  entry: string;
}

export interface StartRequest {
  type: 'start';
  /** The run's stored spec; the thread parses it again with the core's schema. */
  spec: unknown;
  seed: number;
  mode: NumericMode;
  totalTicks: number;
  /** Safetensors bytes to resume from; absent for a fresh start. */
  checkpoint: Uint8Array | null;
}

export type Injection =
  { kind: 'reward'; value: number } | { kind: 'stimulus'; population: string; spikes: [number, number][] };

/** An injection the core refused; `index` is its position in the request's list. */
export interface RejectedInjection {
  index: number;
  reason: string;
}

/** A core chunk report plus the chunk's sampled state (`record.state`), cut by `toStateTraces`. */
export type ThreadChunkReport = ChunkReport & { state: StateTrace[] };

export type RunThreadRequest =
  | StartRequest
  | { type: 'advance'; maxTicks: number; injections: Injection[] }
  | { type: 'checkpoint' }
  | { type: 'summary' }
  | { type: 'release' };

export interface ThreadFailure {
  name: string;
  message: string;
  /** SpecError issues, when the failure is a spec error. */
  issues?: { path: string; message: string; value?: unknown }[];
}

export type RunThreadReply =
  | { type: 'ready' }
  | { type: 'started'; tick: number; totalTicks: number; startMs: number }
  | { type: 'chunk'; report: ThreadChunkReport; tickMs: number; rejectedInjections: RejectedInjection[] }
  | { type: 'checkpoint'; bytes: Uint8Array }
  | { type: 'summary'; summary: unknown }
  | { type: 'released' }
  | { type: 'failed'; error: ThreadFailure };
