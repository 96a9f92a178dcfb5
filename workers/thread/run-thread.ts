/**
 * The thread that owns a RunSession. It keeps the core's CPU-bound tick loop off the worker's
 * main thread, which stays free for database writes, heartbeats and cancellation. It keeps at
 * most one session at a time and can serve many runs one after another (`protocol.ts`).
 */
import { parentPort } from 'node:worker_threads';

import { RunSession, SpecError, parseSpec } from '../../server/services/core-api';
import type {
  Injection,
  RejectedInjection,
  RunThreadReply,
  RunThreadRequest,
  StartRequest,
  ThreadFailure,
} from './protocol';
import { toStateTraces } from './state-traces';

function describeFailure(error: unknown): ThreadFailure {
  if (error instanceof SpecError) return { name: error.name, message: error.message, issues: error.issues };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

function applyInjection(session: RunSession, injection: Injection): void {
  if (injection.kind === 'reward') session.injectReward(injection.value);
  else session.injectSpikes(injection.population, injection.spikes);
}

function start(data: StartRequest): RunSession {
  const spec = parseSpec(data.spec);
  if (data.checkpoint) return RunSession.resume(spec, data.checkpoint);
  return RunSession.create(spec, { seed: data.seed, mode: data.mode, ticks: data.totalTicks });
}

function handle(
  session: RunSession,
  request: Exclude<RunThreadRequest, StartRequest | { type: 'release' }>,
): { reply: RunThreadReply; transfer: ArrayBuffer[] } {
  if (request.type === 'advance') {
    // An injection the core rejects (a neuron out of range) is reported, not fatal to the run.
    const rejectedInjections: RejectedInjection[] = [];
    request.injections.forEach((injection, index) => {
      try {
        applyInjection(session, injection);
      } catch (error) {
        rejectedInjections.push({ index, reason: error instanceof Error ? error.message : String(error) });
      }
    });
    const startedAt = performance.now();
    const report = {
      ...session.advance(request.maxTicks),
      state: toStateTraces(session.simulator.stateRecorder.drain()),
    };
    return {
      reply: { type: 'chunk', report, tickMs: performance.now() - startedAt, rejectedInjections },
      transfer: [],
    };
  }

  if (request.type === 'checkpoint') {
    const bytes = session.checkpoint();
    return { reply: { type: 'checkpoint', bytes }, transfer: [bytes.buffer as ArrayBuffer] };
  }

  return { reply: { type: 'summary', summary: session.summary() }, transfer: [] };
}

const port = parentPort;
if (!port) throw new Error('run-thread.ts must run in a worker thread');

let session: RunSession | null = null;

function serve(request: RunThreadRequest): { reply: RunThreadReply; transfer: ArrayBuffer[] } {
  if (request.type === 'start') {
    if (session) throw new Error('run thread already has an open session; release it before the next start');
    const startedAt = performance.now();
    session = start(request);
    const startMs = performance.now() - startedAt;
    return {
      reply: { type: 'started', tick: session.tick, totalTicks: session.totalTicks, startMs },
      transfer: [],
    };
  }
  if (request.type === 'release') {
    // Dropping the only reference frees the session's arrays before the next run starts.
    session = null;
    return { reply: { type: 'released' }, transfer: [] };
  }
  if (!session) throw new Error(`run thread received ${request.type} before start`);
  return handle(session, request);
}

port.on('message', (request: RunThreadRequest) => {
  try {
    const { reply, transfer } = serve(request);
    port.postMessage(reply, transfer);
  } catch (error) {
    port.postMessage({ type: 'failed', error: describeFailure(error) } satisfies RunThreadReply);
  }
});

// Sent once the core is loaded, so the boot time (mostly tsx compiling the core) can be timed.
port.postMessage({ type: 'ready' } satisfies RunThreadReply);
