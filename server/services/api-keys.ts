/**
 * API keys for scripts, created through better-auth's api-key plugin. A key is shown once at
 * creation and stored as a SHA-256 hash. Requests carry it in the `x-api-key` header, and
 * `server/auth/api-key-verify` checks it.
 */
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { forgetVerifiedKey } from '../auth/api-key-verify';
import { NotFoundError } from '../errors';
import { apiKeySelect } from './selects';

export async function createApiKey(auth: Auth, userId: string, name: string) {
  // A server-side call (no request headers) may name the owner; the plugin hashes the key.
  const created = await auth.api.createApiKey({ body: { name, userId } });
  return {
    id: created.id,
    name: created.name,
    start: created.start,
    createdAt: created.createdAt,
    key: created.key,
  };
}

export async function listApiKeys(db: Db, userId: string) {
  return db.apiKey.findMany({
    where: { referenceId: userId },
    orderBy: { createdAt: 'desc' },
    select: apiKeySelect,
  });
}

export async function revokeApiKey(db: Db, userId: string, keyId: string): Promise<void> {
  const { count } = await db.apiKey.deleteMany({ where: { id: keyId, referenceId: userId } });
  if (count === 0) throw new NotFoundError('API key', keyId);
  forgetVerifiedKey(keyId);
}
