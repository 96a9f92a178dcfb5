/**
 * Sources of run threads. Booting a run thread costs far more than a short run's work (`bootMs`
 * in a run's timings), so a worker process keeps a pool of booted threads, one per job it may run
 * at once. A run takes a thread with no session and gives it back when it ends: the
 * session is released and the thread waits for the next run. A thread whose run threw (a core
 * failure, a database error) or that exited is terminated and replaced by a new one.
 */
import type { Logger } from '../../server/log';
import { RunThread } from './run-thread-client';

export interface AcquiredThread {
  thread: RunThread;
  /** Wall time the run waited for the thread to boot; 0 when a booted thread was free. */
  bootMs: number;
}

export interface RunThreadSource {
  acquire(): Promise<AcquiredThread>;
  /** Gives a thread back; `reusable` is false when its run failed, and the thread is then terminated. */
  release(thread: RunThread, reusable: boolean): Promise<void>;
}

/** A new thread for every run, terminated after it: the behaviour without a pool. */
export const freshThreads: RunThreadSource = {
  acquire: () => RunThread.boot(),
  release: (thread) => thread.terminate(),
};

export class RunThreadPool implements RunThreadSource {
  /** Booted or booting threads with no session; null marks a boot that failed. */
  private spares: Promise<RunThread | null>[] = [];
  private busy = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly log: Logger,
  ) {
    if (!Number.isInteger(size) || size < 1) {
      throw new Error(`run thread pool size must be an integer of at least 1, got ${size}`);
    }
  }

  /** Boots spare threads until the pool holds `size` threads; boot failures are logged. */
  warm(): void {
    while (!this.closed && this.spares.length + this.busy < this.size) this.spares.push(this.bootSpare());
  }

  async acquire(): Promise<AcquiredThread> {
    if (this.closed) throw new Error('run thread pool is closed');
    this.busy++;
    try {
      const waitStart = performance.now();
      const spare = await this.spares.shift();
      if (spare?.usable) return { thread: spare, bootMs: performance.now() - waitStart };
      if (spare) await spare.terminate();
      return await RunThread.boot();
    } catch (error) {
      this.busy--;
      throw error;
    }
  }

  async release(thread: RunThread, reusable: boolean): Promise<void> {
    this.busy--;
    if (reusable && thread.usable && !this.closed) {
      try {
        await thread.release();
        this.spares.push(Promise.resolve(thread));
        return;
      } catch (error) {
        this.log.warn({ err: error }, 'run thread failed to release its session; thread replaced');
      }
    }
    await thread.terminate();
    this.warm();
  }

  /** Terminates the spare threads; threads still in use are terminated when they are released. */
  async close(): Promise<void> {
    this.closed = true;
    const spares = await Promise.all(this.spares.splice(0));
    await Promise.all(spares.flatMap((thread) => (thread ? [thread.terminate()] : [])));
  }

  private async bootSpare(): Promise<RunThread | null> {
    try {
      const { thread, bootMs } = await RunThread.boot();
      this.log.debug({ bootMs: Math.round(bootMs) }, 'run thread booted');
      return thread;
    } catch (error) {
      this.log.error({ err: error }, 'run thread failed to boot; the next run boots its own');
      return null;
    }
  }
}
