/**
 * The per-request context: the server's dependencies, a child logger with a request id, and the
 * caller, who is identified by a better-auth session cookie, by an API key in `x-api-key`, or
 * is anonymous. A key that is present but invalid is recorded, so protected procedures can
 * report why they rejected the request instead of treating the caller as anonymous.
 */
import { randomUUID } from 'node:crypto';

import { API_KEY_HEADER } from '../auth/auth';
import { verifyApiKey } from '../auth/api-key-verify';
import { verifySession } from '../auth/session-verify';
import type { ServerDeps } from '../deps';
import type { Logger } from '../log';

export interface Caller {
  userId: string;
  via: 'session' | 'api-key';
}

export interface Context {
  deps: ServerDeps;
  caller: Caller | null;
  /** Reason the credentials sent with the request were rejected; null when they were not. */
  authFailure: string | null;
  log: Logger;
  requestId: string;
}

async function identify(
  deps: ServerDeps,
  headers: Headers,
): Promise<{ caller: Caller | null; authFailure: string | null }> {
  const key = headers.get(API_KEY_HEADER);
  if (key) {
    const userId = await verifyApiKey(deps, key);
    return userId
      ? { caller: { userId, via: 'api-key' }, authFailure: null }
      : { caller: null, authFailure: 'the API key is invalid, disabled or expired' };
  }

  const userId = await verifySession(deps, headers);
  return { caller: userId ? { userId, via: 'session' } : null, authFailure: null };
}

export async function createContext(deps: ServerDeps, headers: Headers): Promise<Context> {
  const requestId = headers.get('x-request-id') ?? randomUUID();
  const { caller, authFailure } = await identify(deps, headers);
  const log = deps.log.child({ requestId, ...(caller ? { userId: caller.userId, via: caller.via } : {}) });
  return { deps, caller, authFailure, log, requestId };
}

/** Builds a context for a known user, for server-side callers and tests. */
export function createContextForUser(deps: ServerDeps, userId: string | null): Context {
  const requestId = randomUUID();
  return {
    deps,
    caller: userId ? { userId, via: 'session' } : null,
    authFailure: null,
    log: deps.log.child({ requestId, ...(userId ? { userId } : {}) }),
    requestId,
  };
}
