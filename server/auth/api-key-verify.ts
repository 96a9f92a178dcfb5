/**
 * API key verification on the request path: one indexed query by the key's SHA-256 and, in the
 * common case, no write. better-auth's `verifyApiKey` (@better-auth/api-key 1.7.5) updates the
 * key row twice on every call (`lastRequest`, then `updatedAt`), so concurrent requests with one
 * key queue on that row's lock and each wait for a commit.
 *
 * A verified key is remembered for `VERIFIED_KEY_TTL_MS`, which saves the query on most requests
 * of a busy script. Revoking a key through this process forgets it at once; a key revoked or
 * disabled through another server process is rejected here at most that long afterwards.
 * `lastRequest`, shown as "last used" in the settings, is refreshed at most once per
 * `LAST_REQUEST_RESOLUTION_MS`, in the background.
 */
import { createHash } from 'node:crypto';

import type { Db } from '../db/client';
import type { Logger } from '../log';
import type { Auth } from './auth';

/** Precision of a key's `lastRequest`: a request writes it only when it is older than this. */
export const LAST_REQUEST_RESOLUTION_MS = 60_000;

/** How long a verified key is trusted without reading its row again. */
export const VERIFIED_KEY_TTL_MS = 2_000;

/** Keys remembered at most; the oldest is dropped first, so a flood of keys cannot grow memory. */
const MAX_VERIFIED_KEYS = 10_000;

interface VerifiedKey {
  keyId: string;
  userId: string;
  /** When this entry stops being trusted: the TTL, or the key's own expiry if that is sooner. */
  trustedUntil: number;
}

// Keyed by the key's hash, in insertion order, which `Map` keeps.
const verified = new Map<string, VerifiedKey>();

function remember(hash: string, entry: VerifiedKey): void {
  verified.delete(hash);
  verified.set(hash, entry);
  if (verified.size > MAX_VERIFIED_KEYS) verified.delete(verified.keys().next().value!);
}

/** Forgets a key in this process, so its revocation takes effect here on the next request. */
export function forgetVerifiedKey(keyId: string): void {
  for (const [hash, entry] of verified) if (entry.keyId === keyId) verified.delete(hash);
}

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

  const hash = hashApiKey(key);
  const cached = verified.get(hash);
  if (cached && cached.trustedUntil > Date.now()) return cached.userId;

  const row = await deps.db.apiKey.findFirst({ where: { key: hash }, select: verificationSelect });
  if (!row || row.enabled === false) {
    verified.delete(hash);
    return null;
  }

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

  // Keys with a quota or a per-key rate limit returned above, so every use of them is counted.
  const trustedUntil = Math.min(now.getTime() + VERIFIED_KEY_TTL_MS, row.expiresAt?.getTime() ?? Infinity);
  remember(hash, { keyId: row.id, userId: row.referenceId, trustedUntil });
  return row.referenceId;
}
