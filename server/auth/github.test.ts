/**
 * GitHub sign-in without a network: better-auth's handler takes Requests directly, and its calls to
 * GitHub's token and user endpoints go to a fetch stub that returns canned responses in process. The stub
 * rejects every other URL, so a request that would leave the machine fails the test instead.
 */
import { randomUUID } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { loadEnv } from '../env';
import { createCaller } from '../trpc/caller';
import { createContext } from '../trpc/context';
import { createAuth, isGitHubSignInEnabled } from './auth';

const CLIENT_ID = 'test-github-client-id';
const CLIENT_SECRET = 'test-github-client-secret';
const BASE_URL = 'http://localhost:3000';
const CALLBACK_URL = `${BASE_URL}/api/auth/callback/github`;
const ACCESS_TOKEN = 'gho_test_access_token';

const server = useServerFixture({
  BETTER_AUTH_URL: BASE_URL,
  GITHUB_CLIENT_ID: CLIENT_ID,
  GITHUB_CLIENT_SECRET: CLIENT_SECRET,
});

interface StubbedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** Installs a fetch that plays GitHub for one account and records what it was sent. */
function stubGitHub(account: { id: number; login: string; email: string }): StubbedRequest[] {
  const requests: StubbedRequest[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    });

    switch (request.url) {
      case 'https://github.com/login/oauth/access_token':
        return json({ access_token: ACCESS_TOKEN, token_type: 'bearer', scope: 'read:user,user:email' });
      case 'https://api.github.com/user':
        return json({ id: account.id, login: account.login, name: null, email: null, avatar_url: null });
      case 'https://api.github.com/user/emails':
        return json([{ email: account.email, primary: true, verified: true }]);
      default:
        throw new Error(`unexpected outbound request in a test: ${request.method} ${request.url}`);
    }
  });
  return requests;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .join('; ');
}

let clientNumber = 0;

/** Builds a sign-in request from a new client IP each time, so better-auth's per-IP limit stays out of the way. */
function signInRequest(): Request {
  clientNumber++;
  return new Request(`${BASE_URL}/api/auth/sign-in/social`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: BASE_URL,
      'x-forwarded-for': `10.1.${Math.floor(clientNumber / 256)}.${clientNumber % 256}`,
    },
    body: JSON.stringify({ provider: 'github', callbackURL: '/notebooks' }),
  });
}

/** Starts a GitHub sign-in and returns the authorize URL and the cookies the callback needs. */
async function startSignIn() {
  const response = await server.deps.auth.handler(signInRequest());
  const body = (await response.json()) as { url: string; redirect: boolean };
  return { response, body, authorizeUrl: new URL(body.url), cookies: cookiesOf(response) };
}

beforeEach(() => {
  // Every test stubs fetch itself; an unstubbed call fails instead of reaching GitHub.
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    throw new Error(`unexpected outbound request in a test: ${request.method} ${request.url}`);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('GitHub sign-in', () => {
  it('enabled only with both keys', () => {
    expect(isGitHubSignInEnabled({ GITHUB_CLIENT_ID: CLIENT_ID, GITHUB_CLIENT_SECRET: CLIENT_SECRET })).toBe(
      true,
    );
    expect(isGitHubSignInEnabled({ GITHUB_CLIENT_ID: undefined, GITHUB_CLIENT_SECRET: undefined })).toBe(
      false,
    );
    expect(isGitHubSignInEnabled({ GITHUB_CLIENT_ID: CLIENT_ID, GITHUB_CLIENT_SECRET: undefined })).toBe(
      false,
    );
  });

  it('unconfigured server rejects GitHub', async () => {
    const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, BETTER_AUTH_URL: BASE_URL });
    const auth = createAuth(server.deps.db, env, server.deps.log);

    const response = await auth.handler(signInRequest());

    expect(response.status).toBe(404);
    expect(response.headers.get('location')).toBeNull();
  });

  it('start redirects to GitHub', async () => {
    const { response, body, authorizeUrl } = await startSignIn();

    expect(response.status).toBe(200);
    expect(body.redirect).toBe(true);
    expect(response.headers.get('location')).toBe(body.url);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('https://github.com/login/oauth/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(CALLBACK_URL);
    expect(authorizeUrl.searchParams.get('state')).toMatch(/^[\w-]{16,}$/);
    expect(authorizeUrl.searchParams.get('scope')?.split(' ')).toEqual(['read:user', 'user:email']);
  });

  it('callback creates user and session', async () => {
    const account = {
      id: 4_200_000 + Math.floor(Math.random() * 1_000_000),
      login: 'octo',
      email: `${randomUUID()}@example.test`,
    };
    const { authorizeUrl, cookies } = await startSignIn();
    const requests = stubGitHub(account);

    const state = authorizeUrl.searchParams.get('state') ?? '';
    const callback = await server.deps.auth.handler(
      new Request(`${CALLBACK_URL}?code=test-code&state=${encodeURIComponent(state)}`, {
        headers: { cookie: cookies },
      }),
    );

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/notebooks');

    const tokenRequest = requests.find((request) => request.url.endsWith('/login/oauth/access_token'));
    const tokenForm = new URLSearchParams(tokenRequest?.body);
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenForm.get('code')).toBe('test-code');
    expect(tokenForm.get('client_id')).toBe(CLIENT_ID);
    expect(tokenForm.get('client_secret')).toBe(CLIENT_SECRET);
    expect(tokenForm.get('redirect_uri')).toBe(CALLBACK_URL);
    const userRequest = requests.find((request) => request.url === 'https://api.github.com/user');
    expect(userRequest?.headers.get('authorization')).toBe(`Bearer ${ACCESS_TOKEN}`);

    const user = await server.deps.db.user.findUniqueOrThrow({ where: { email: account.email } });
    const linked = await server.deps.db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(user.name).toBe('octo');
    expect(user.emailVerified).toBe(true);
    expect(linked.providerId).toBe('github');
    expect(linked.accountId).toBe(String(account.id));

    const context = await createContext(server.deps, new Headers({ cookie: cookiesOf(callback) }));
    const me = await createCaller(context).account.me();
    expect(me.id).toBe(user.id);
    expect(me.via).toBe('session');
  });

  it('callback with forged state fails', async () => {
    const account = { id: 5_200_000, login: 'forger', email: `${randomUUID()}@example.test` };
    const { cookies } = await startSignIn();
    const requests = stubGitHub(account);

    const callback = await server.deps.auth.handler(
      new Request(`${CALLBACK_URL}?code=test-code&state=forged-state-value`, {
        headers: { cookie: cookies },
      }),
    );

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toMatch(/error=/);
    expect(requests).toEqual([]);
    expect(await server.deps.db.user.findUnique({ where: { email: account.email } })).toBeNull();
  });
});
