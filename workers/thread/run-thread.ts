/**
 * The thread that owns a RunSession. It keeps the core's CPU-bound tick loop off the worker's
 * main thread, which stays free for database writes, heartbeats and cancellation.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { RunSession, SpecError, parseSpec } from '../../server/services/core-api';
import type {
  Injection,
  RejectedInjection,
  RunThreadData,
  RunThreadReply,
  RunThreadRequest,
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

function start(data: RunThreadData): RunSession {
  const spec = parseSpec(data.spec);
  if (data.checkpoint) return RunSession.resume(spec, data.checkpoint);
  return RunSession.create(spec, { seed: data.seed, mode: data.mode, ticks: data.totalTicks });
}

function handle(
  session: RunSession,
  request: RunThreadRequest,
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

const startedAt = performance.now();
let session: RunSession | null = null;
try {
  session = start(workerData as RunThreadData);
  port.postMessage({
    type: 'started',
    tick: session.tick,
    totalTicks: session.totalTicks,
    startMs: performance.now() - startedAt,
  } satisfies RunThreadReply);
} catch (error) {
  port.postMessage({ type: 'failed', error: describeFailure(error) } satisfies RunThreadReply);
}

port.on('message', (request: RunThreadRequest) => {
  if (!session) return;
  try {
    const { reply, transfer } = handle(session, request);
    port.postMessage(reply, transfer);
  } catch (error) {
    port.postMessage({ type: 'failed', error: describeFailure(error) } satisfies RunThreadReply);
  }
});
