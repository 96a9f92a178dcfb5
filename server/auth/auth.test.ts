/**
 * Authentication end to end without a network: better-auth's handler takes Requests directly,
 * and the tRPC context is built from the resulting cookie or from an API key header.
 */
import { createHash, randomUUID } from 'node:crypto';

import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { createContext } from '../trpc/context';
import { loadEnv } from '../env';
import { createCaller } from '../trpc/caller';
import { API_KEY_HEADER, API_KEY_PREFIX, createAuth } from './auth';

const SIGN_IN_LIMIT = 3;
const server = useServerFixture({ AUTH_SIGN_IN_MAX_PER_MINUTE: String(SIGN_IN_LIMIT) });

function authRequest(path: string, body: unknown, ip: string): Request {
  return new Request(`http://localhost:3000/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, origin: 'http://localhost:3000' },
    body: JSON.stringify(body),
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .join('; ');
}

describe('trusted origins', () => {
  const signUpFrom = (origin: string) =>
    new Request('http://127.0.0.1:3000/api/auth/sign-up/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.5.1', origin },
      body: JSON.stringify({
        email: `${randomUUID()}@example.test`,
        password: 'correct horse 1',
        name: 'Ada',
      }),
    });

  it('other origin is rejected by default', async () => {
    const response = await server.deps.auth.handler(signUpFrom('http://127.0.0.1:3000'));
    expect(response.status).toBe(403);
  });

  it('listed origin may sign up', async () => {
    const env = loadEnv({
      NODE_ENV: 'test',
      DATABASE_URL: server.databaseUrl,
      BETTER_AUTH_URL: 'http://localhost:3000',
      LIVENET_TRUSTED_ORIGINS: 'http://127.0.0.1:3000, http://[::1]:3000',
    });
    const auth = createAuth(server.deps.db, env, server.deps.log);

    expect(env.LIVENET_TRUSTED_ORIGINS).toEqual(['http://127.0.0.1:3000', 'http://[::1]:3000']);
    expect((await auth.handler(signUpFrom('http://127.0.0.1:3000'))).status).toBe(200);
    expect((await auth.handler(signUpFrom('http://evil.test:3000'))).status).toBe(403);
  });

  it('invalid origin list names the variable', () => {
    expect(() =>
      loadEnv({ NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, LIVENET_TRUSTED_ORIGINS: 'not a url' }),
    ).toThrow(/LIVENET_TRUSTED_ORIGINS/);
  });
});

describe('email and password', () => {
  it('sign-up cookie identifies the user', async () => {
    const email = `${randomUUID()}@example.test`;

    const response = await server.deps.auth.handler(
      authRequest('/sign-up/email', { email, password: 'correct horse 1', name: 'Ada' }, '10.0.0.1'),
    );
    const context = await createContext(server.deps, new Headers({ cookie: sessionCookie(response) }));
    const me = await createCaller(context).account.me();

    expect(response.status).toBe(200);
    expect(me.email).toBe(email);
    expect(me.via).toBe('session');
  });

  it('wrong password is rejected', async () => {
    const user = await server.signUp();

    const response = await server.deps.auth.handler(
      authRequest('/sign-in/email', { email: user.email, password: 'wrong password' }, '10.0.0.2'),
    );

    expect(response.status).toBe(401);
  });

  it('sign-in is rate-limited per IP', async () => {
    const user = await server.signUp();
    const attempt = (ip: string) =>
      server.deps.auth.handler(
        authRequest('/sign-in/email', { email: user.email, password: 'wrong password' }, ip),
      );

    const statuses = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i++) statuses.push((await attempt('10.0.0.3')).status);
    const otherIp = (await attempt('10.0.0.4')).status;

    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMIT).fill(401), 429]);
    expect(otherIp).toBe(401);
  });

  it('password is stored hashed', async () => {
    const user = await server.signUp();

    const account = await server.deps.db.account.findFirstOrThrow({
      where: { userId: user.id, providerId: 'credential' },
    });

    expect(account.password).not.toContain(user.password);
  });
});

describe('API keys', () => {
  it('key authenticates its owner', async () => {
    const owner = await server.createUser();
    const created = await server.caller(owner.id).apiKeys.create({ name: 'script' });

    const context = await createContext(server.deps, new Headers({ [API_KEY_HEADER]: created.key }));
    const me = await createCaller(context).account.me();

    expect(created.key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(me.id).toBe(owner.id);
    expect(me.via).toBe('api-key');
  });

  it('key is stored as its SHA-256', async () => {
    const owner = await server.createUser();
    const created = await server.caller(owner.id).apiKeys.create({ name: 'hashed' });

    const row = await server.deps.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });

    expect(row.key).toBe(createHash('sha256').update(created.key).digest('base64url'));
  });

  it('list never returns the key', async () => {
    const owner = await server.createUser();
    const created = await server.caller(owner.id).apiKeys.create({ name: 'listed' });

    const listed = await server.caller(owner.id).apiKeys.list();

    expect(listed.map((key) => key.name)).toEqual(['listed']);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it('revoked key is unauthorized', async () => {
    const owner = await server.createUser();
    const api = server.caller(owner.id);
    const created = await api.apiKeys.create({ name: 'temporary' });

    await api.apiKeys.revoke({ keyId: created.id });
    const context = await createContext(server.deps, new Headers({ [API_KEY_HEADER]: created.key }));

    expect(context.caller).toBeNull();
    expect(context.authFailure).toMatch(/API key is invalid/);
    expect(await codeOf(createCaller(context).account.me())).toBe('UNAUTHORIZED');
  });

  it('made-up key is unauthorized', async () => {
    const context = await createContext(
      server.deps,
      new Headers({ [API_KEY_HEADER]: `${API_KEY_PREFIX}${'x'.repeat(64)}` }),
    );

    expect(await codeOf(createCaller(context).runs.list({}))).toBe('UNAUTHORIZED');
  });

  it('no credentials is anonymous', async () => {
    const context = await createContext(server.deps, new Headers());

    expect(context.caller).toBeNull();
    expect(context.authFailure).toBeNull();
  });
});
