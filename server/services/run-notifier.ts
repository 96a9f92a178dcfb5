/**
 * Wakes progress subscriptions when a run changes. The worker sends `NOTIFY livenet_run, '<runId>'`
 * after each write; one LISTEN connection per server process fans the notifications out to the
 * waiting subscriptions. Every wait also ends after a timeout, so a lost notification or a dropped
 * LISTEN connection costs at most one poll interval, never an event.
 */
import pg from 'pg';

import type { Db } from '../db/client';
import type { Logger } from '../log';

export const RUN_CHANNEL = 'livenet_run';

/** Tells subscribers that run `runId` has new rows or a new status. */
export async function notifyRunChanged(db: Db, runId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${RUN_CHANNEL}, ${runId})`;
}

export class RunNotifier {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== RUN_CHANNEL || !message.payload) return;
      for (const wake of this.waiters.get(message.payload) ?? []) wake();
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'run notification connection failed; progress falls back to polling');
      this.client = null;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${RUN_CHANNEL}`);
    this.client = client;
  }

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.listen()
      .catch((error: unknown) =>
        this.log.warn({ err: error }, 'LISTEN failed; progress falls back to polling'),
      )
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  /** Resolves on the next notification for `runId`, after `timeoutMs`, or when `signal` aborts. */
  async waitForChange(runId: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    await this.ensureListening();
    if (signal?.aborted) return;

    await new Promise<void>((resolve) => {
      const set = this.waiters.get(runId) ?? new Set();
      this.waiters.set(runId, set);

      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(runId);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      set.add(done);
    });
  }

  async close(): Promise<void> {
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end();
  }
}
