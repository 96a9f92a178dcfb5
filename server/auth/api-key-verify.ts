/**
 * API key verification on the request path: one indexed query by the key's SHA-256 and, in the
 * common case, no write. better-auth's `verifyApiKey` (@better-auth/api-key 1.7.5) updates the
 * key row twice on every call (`lastRequest`, then `updatedAt`), so concurrent requests with one
 * key queue on that row's lock and each wait for a commit.
 *
 * The row is read on every request, so a revoked (deleted) or disabled key is rejected from the
 * next request on. `lastRequest`, shown as "last used" in the settings, is refreshed at most once
 * per `LAST_REQUEST_RESOLUTION_MS`, in the background.
 */
import { createHash } from 'node:crypto';

import type { Db } from '../db/client';
import type { Logger } from '../log';
import type { Auth } from './auth';

/** Precision of a key's `lastRequest`: a request writes it only when it is older than this. */
export const LAST_REQUEST_RESOLUTION_MS = 60_000;

/** Maximum key length, in characters, checked before hashing. Livenet's keys have 68 (`lvn_` and 64). */
const MAX_KEY_LENGTH = 256;

const verificationSelect = {
  id: true,
  referenceId: true,
  enabled: true,
  expiresAt: true,
  lastRequest: true,
  remaining: true,
  rateLimitEnabled: true,
  rateLimitMax: true,
  rateLimitTimeWindow: true,
} as const;

export interface ApiKeyVerifierDeps {
  db: Db;
  auth: Auth;
  log: Logger;
}

/** Returns the hash stored for a key: SHA-256, base64url without padding, as the plugin stores it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

// Keys whose `lastRequest` write is under way in this process, so a burst of requests with one key
// sends one write instead of one per request.
const touching = new Set<string>();

function touchLastRequest(deps: ApiKeyVerifierDeps, keyId: string, now: Date): void {
  if (touching.has(keyId)) return;
  touching.add(keyId);

  // The guard keeps other server processes from writing the same minute again.
  const staleBefore = new Date(now.getTime() - LAST_REQUEST_RESOLUTION_MS);
  deps.db.apiKey
    .updateMany({
      where: { id: keyId, OR: [{ lastRequest: null }, { lastRequest: { lt: staleBefore } }] },
      data: { lastRequest: now },
    })
    .catch((error: unknown) =>
      deps.log.warn({ err: error, keyId }, 'updating the API key lastRequest failed'),
    )
    .finally(() => touching.delete(keyId));
}

/** Returns the owner of a valid, enabled, unexpired key, or null. */
export async function verifyApiKey(deps: ApiKeyVerifierDeps, key: string): Promise<string | null> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return null;

  const row = await deps.db.apiKey.findFirst({ where: { key: hashApiKey(key) }, select: verificationSelect });
  if (!row || row.enabled === false) return null;

  const now = new Date();
  if (row.expiresAt && row.expiresAt <= now) return null;

  // Livenet creates keys without a usage quota or a per-key rate limit. A key that has one (made
  // through better-auth's own endpoints) goes through the plugin, which counts its use atomically.
  const perKeyRateLimit =
    row.rateLimitEnabled === true && row.rateLimitMax !== null && row.rateLimitTimeWindow !== null;
  if (row.remaining !== null || perKeyRateLimit) {
    const result = await deps.auth.api.verifyApiKey({ body: { key } });
    return result.valid && result.key ? result.key.referenceId : null;
  }

  if (!row.lastRequest || now.getTime() - row.lastRequest.getTime() >= LAST_REQUEST_RESOLUTION_MS) {
    touchLastRequest(deps, row.id, now);
  }
  return row.referenceId;
}
