/**
 * The main thread's handle on a run thread: boot it, open a run's session in it, send one request
 * at a time, release the session, and end the thread.
 * A failure inside the core arrives as a CoreFailure, which the caller treats as permanent
 * (retrying the same spec and seed would fail the same way).
 */
import { Worker } from 'node:worker_threads';

import type {
  Injection,
  RejectedInjection,
  RunThreadData,
  RunThreadReply,
  RunThreadRequest,
  StartRequest,
  ThreadChunkReport,
  ThreadFailure,
} from './protocol';

export class CoreFailure extends Error {
  constructor(readonly failure: ThreadFailure) {
    super(failure.message);
    this.name = 'CoreFailure';
  }
}

const BOOTSTRAP = new URL('./bootstrap.mjs', import.meta.url);
const ENTRY = new URL('./run-thread.ts', import.meta.url).href;

export class RunThread {
  private pending: { resolve: (reply: RunThreadReply) => void; reject: (error: Error) => void } | null = null;
  private exitError: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: RunThreadReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`run thread exited with code ${code}`)));
  }

  private settle(reply: RunThreadReply): void {
    const pending = this.pending;
    this.pending = null;
    if (reply.type === 'failed') pending?.reject(new CoreFailure(reply.error));
    else pending?.resolve(reply);
  }

  private fail(error: Error): void {
    this.exitError ??= error;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  private next(): Promise<RunThreadReply> {
    if (this.exitError) return Promise.reject(this.exitError);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }

  private async request<T extends RunThreadReply['type']>(request: RunThreadRequest, expected: T) {
    const reply = this.next();
    this.worker.postMessage(request);
    const received = await reply;
    if (received.type !== expected) throw new Error(`run thread sent ${received.type}, expected ${expected}`);
    return received as Extract<RunThreadReply, { type: T }>;
  }

  /** False once the thread has exited, reported a worker error or been terminated. */
  get usable(): boolean {
    return this.exitError === null;
  }

  /**
   * Boots a thread and returns once it has loaded the core. `bootMs` is the wall time from
   * creating the Worker to its `ready` message.
   */
  static async boot(): Promise<{ thread: RunThread; bootMs: number }> {
    const bootStart = performance.now();
    const thread = new RunThread(
      new Worker(BOOTSTRAP, { workerData: { entry: ENTRY } satisfies RunThreadData }),
    );
    try {
      const ready = await thread.next();
      if (ready.type !== 'ready') throw new Error(`run thread sent ${ready.type} before it was ready`);
      return { thread, bootMs: performance.now() - bootStart };
    } catch (error) {
      await thread.terminate();
      throw error;
    }
  }

  /** Builds or resumes a run's session in the thread; `startMs` is the core's time for it. */
  async start(
    data: Omit<StartRequest, 'type'>,
  ): Promise<{ tick: number; totalTicks: number; startMs: number }> {
    const { tick, totalTicks, startMs } = await this.request({ type: 'start', ...data }, 'started');
    return { tick, totalTicks, startMs };
  }

  async advance(
    maxTicks: number,
    injections: Injection[],
  ): Promise<{ report: ThreadChunkReport; tickMs: number; rejectedInjections: RejectedInjection[] }> {
    const { report, tickMs, rejectedInjections } = await this.request(
      { type: 'advance', maxTicks, injections },
      'chunk',
    );
    return { report, tickMs, rejectedInjections };
  }

  async checkpoint(): Promise<Uint8Array> {
    return (await this.request({ type: 'checkpoint' }, 'checkpoint')).bytes;
  }

  async summary(): Promise<unknown> {
    return (await this.request({ type: 'summary' }, 'summary')).summary;
  }

  /** Drops the run's session so the thread can take another run. */
  async release(): Promise<void> {
    await this.request({ type: 'release' }, 'released');
  }

  async terminate(): Promise<void> {
    this.exitError ??= new Error('run thread was terminated');
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
