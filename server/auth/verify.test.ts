/**
 * The request-path verifiers against a real database: which API keys and session cookies they
 * accept, and that reading a key writes its row at most once a minute. The rare cases that write
 * (quota keys, expired or ageing sessions) must still go through better-auth.
 */
import { describe, expect, it, vi } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { revokeApiKey } from '../services/api-keys';
import {
  LAST_REQUEST_RESOLUTION_MS,
  VERIFIED_KEY_TTL_MS,
  forgetVerifiedKey,
  verifyApiKey,
} from './api-key-verify';
import { verifySession } from './session-verify';

const server = useServerFixture();

const DAY_MS = 24 * 60 * 60 * 1000;

async function newKey(extra: { remaining?: number } = {}) {
  const owner = await server.createUser();
  const created = await server.deps.auth.api.createApiKey({
    body: { name: 'test', userId: owner.id, ...extra },
  });
  return { ownerId: owner.id, keyId: created.id, key: created.key };
}

async function signedInHeaders() {
  const user = await server.signUp();
  const response = await server.deps.auth.api.signInEmail({
    body: { email: user.email, password: user.password },
    asResponse: true,
  });
  const cookie = response.headers
    .getSetCookie()
    .map((entry) => entry.split(';')[0] ?? '')
    .join('; ');
  const session = await server.deps.db.session.findFirstOrThrow({
    where: { userId: user.id },
    orderBy: { createdAt: 'desc' },
  });
  return { userId: user.id, session, headers: new Headers({ cookie }) };
}

describe('API key verification', () => {
  it('valid key returns owner', async () => {
    const { ownerId, key } = await newKey();

    expect(await verifyApiKey(server.deps, key)).toBe(ownerId);
  });

  it('disabled key is rejected', async () => {
    const { keyId, key } = await newKey();
    await server.deps.db.apiKey.update({ where: { id: keyId }, data: { enabled: false } });

    expect(await verifyApiKey(server.deps, key)).toBeNull();
  });

  it('expired key is rejected', async () => {
    const { keyId, key } = await newKey();
    await server.deps.db.apiKey.update({
      where: { id: keyId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await verifyApiKey(server.deps, key)).toBeNull();
  });

  it('oversized key is rejected', async () => {
    expect(await verifyApiKey(server.deps, `lvn_${'a'.repeat(300)}`)).toBeNull();
  });

  it('lastRequest written once per minute', async () => {
    const { keyId, key } = await newKey();
    const row = () => server.deps.db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    const before = await row();

    await verifyApiKey(server.deps, key);
    await vi.waitFor(async () => expect((await row()).lastRequest).not.toBeNull());
    const first = await row();
    for (let i = 0; i < 5; i++) await verifyApiKey(server.deps, key);
    const afterBurst = await row();

    expect(before.lastRequest).toBeNull();
    expect(afterBurst.lastRequest).toEqual(first.lastRequest);
    expect(afterBurst.updatedAt).toEqual(before.updatedAt);
    expect(afterBurst.requestCount).toBe(before.requestCount);

    const stale = new Date(Date.now() - LAST_REQUEST_RESOLUTION_MS - 1000);
    await server.deps.db.apiKey.update({ where: { id: keyId }, data: { lastRequest: stale } });
    // As after the verification cache's TTL, so the next request reads the row again.
    forgetVerifiedKey(keyId);
    await verifyApiKey(server.deps, key);
    await vi.waitFor(async () =>
      expect((await row()).lastRequest?.getTime()).toBeGreaterThan(stale.getTime()),
    );
  });

  it('revoked key is rejected at once', async () => {
    const { ownerId, keyId, key } = await newKey();
    expect(await verifyApiKey(server.deps, key)).toBe(ownerId);

    await revokeApiKey(server.deps.db, ownerId, keyId);

    expect(await verifyApiKey(server.deps, key)).toBeNull();
  });

  it('key disabled elsewhere expires from cache', async () => {
    const { ownerId, keyId, key } = await newKey();
    expect(await verifyApiKey(server.deps, key)).toBe(ownerId);

    // Another server process disables the key: this one trusts its cache until the TTL ends.
    await server.deps.db.apiKey.update({ where: { id: keyId }, data: { enabled: false } });
    expect(await verifyApiKey(server.deps, key)).toBe(ownerId);

    const later = Date.now() + VERIFIED_KEY_TTL_MS + 1;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(await verifyApiKey(server.deps, key)).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it('quota key is counted', async () => {
    const { ownerId, key } = await newKey({ remaining: 2 });

    const results = [];
    for (let i = 0; i < 3; i++) results.push(await verifyApiKey(server.deps, key));

    expect(results).toEqual([ownerId, ownerId, null]);
  });
});

describe('session verification', () => {
  it('valid cookie returns user', async () => {
    const { userId, headers } = await signedInHeaders();

    expect(await verifySession(server.deps, headers)).toBe(userId);
  });

  it('tampered signature is rejected', async () => {
    const { headers } = await signedInHeaders();
    const cookie = headers.get('cookie') ?? '';
    // Swap the token's first character, keeping the signature of the original token.
    const tampered = cookie.replace(
      /session_token=(.)/,
      (_match, first: string) => `session_token=${first === 'A' ? 'B' : 'A'}`,
    );

    expect(tampered).not.toBe(cookie);
    expect(await verifySession(server.deps, new Headers({ cookie: tampered }))).toBeNull();
  });

  it('deleted session is rejected', async () => {
    const { session, headers } = await signedInHeaders();
    await server.deps.db.session.delete({ where: { id: session.id } });

    expect(await verifySession(server.deps, headers)).toBeNull();
  });

  it('expired session is rejected and removed', async () => {
    const { session, headers } = await signedInHeaders();
    await server.deps.db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await verifySession(server.deps, headers)).toBeNull();
    expect(await server.deps.db.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it('ageing session is extended', async () => {
    // better-auth's defaults: sessions last 7 days and are extended once a day has passed.
    const { userId, session, headers } = await signedInHeaders();
    await server.deps.db.session.update({
      where: { id: session.id },
      data: { expiresAt: new Date(Date.now() + 5 * DAY_MS) },
    });

    const verified = await verifySession(server.deps, headers);
    const extended = await server.deps.db.session.findUniqueOrThrow({ where: { id: session.id } });

    expect(verified).toBe(userId);
    expect(extended.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY_MS - 60_000);
  });

  it('fresh session is not written', async () => {
    const { session, headers } = await signedInHeaders();

    for (let i = 0; i < 3; i++) await verifySession(server.deps, headers);
    const after = await server.deps.db.session.findUniqueOrThrow({ where: { id: session.id } });

    expect(after.updatedAt).toEqual(session.updatedAt);
    expect(after.expiresAt).toEqual(session.expiresAt);
  });
});
