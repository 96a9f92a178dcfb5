/**
 * Recognises database errors that go away on their own: the server restarting or unreachable, a
 * dropped connection, a full pool. A caller can retry these; any other error is a real failure.
 */

/** Driver adapter error kinds (from @prisma/adapter-pg) that mean the connection, not the query, failed. */
const TRANSIENT_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/**
 * Prisma codes: P1001 server unreachable, P1002 server timed out, P1017 server closed the
 * connection, P2024 no pool connection in time, P2028 a transaction could not start in time.
 */
const TRANSIENT_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart). */
const TRANSIENT_SQLSTATE = /^(08|57P0)/;

/**
 * Messages of the pg driver and of PostgreSQL that carry no code. pg 8 throws "Client has
 * encountered a connection error and is not queryable" for a query on a pooled client whose
 * socket the server closed, which happens to a transaction that starts as PostgreSQL stops.
 */
const TRANSIENT_MESSAGE =
  /Connection terminated|Connection ended|terminating connection|connection error and is not queryable|database system is (starting up|shutting down|in recovery)|Can't reach database|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  kind?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
}

function isTransientOne(error: ErrorLike): boolean {
  const adapterCause = error.meta?.driverAdapterError?.cause;
  if (typeof adapterCause?.kind === 'string' && TRANSIENT_KINDS.has(adapterCause.kind)) return true;
  if (typeof adapterCause?.code === 'string' && TRANSIENT_SQLSTATE.test(adapterCause.code)) return true;
  if (typeof error.kind === 'string' && TRANSIENT_KINDS.has(error.kind)) return true;
  if (typeof error.code === 'string') {
    if (TRANSIENT_PRISMA_CODES.has(error.code) || TRANSIENT_SQLSTATE.test(error.code)) return true;
    if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' || error.code === 'EPIPE') return true;
  }
  return typeof error.message === 'string' && TRANSIENT_MESSAGE.test(error.message);
}

/** True when `error`, or an error in its cause chain, is a transient database failure. */
export function isTransientDbError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isTransientOne(current)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}

export interface RetryOptions {
  /** Gives up (rethrows the last error) once this much time has passed since the first try. */
  maxElapsedMs: number;
  /** Called before each wait, for logging. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `operation`, and again after a growing delay (100 ms, doubling, at most 2 s) while it
 * fails with a transient database error and `maxElapsedMs` has not passed. The operation must be
 * safe to repeat: a write whose commit succeeded but whose response was lost runs twice.
 */
export async function retryTransient<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  const start = Date.now();
  let delayMs = 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransientDbError(error) || Date.now() - start + delayMs > options.maxElapsedMs) throw error;
      options.onRetry?.(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(2_000, delayMs * 2);
    }
  }
}
