/**
 * A procedure input that fails its schema reaches the client as one readable line naming the
 * field, with the issues attached, instead of zod's issues as a JSON string.
 */
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHttpApi } from '../../test/http-api';
import { useServerFixture } from '../../test/server-fixture';
import type { AppRouter } from './router';

const server = useServerFixture();
let http: Awaited<ReturnType<typeof startHttpApi>>;

beforeAll(async () => {
  http = await startHttpApi(server.deps);
});

afterAll(async () => {
  await http.close();
});

async function failureOf(promise: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('invalid procedure input', () => {
  it('names the field in one line', async () => {
    const anonymous = createTRPCClient<AppRouter>({
      links: [httpLink({ url: http.url, transformer: superjson })],
    });
    const error = await failureOf(anonymous.share.read.query({ token: 'not-a-real-token' }));

    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/^invalid input: token: /);
    expect(error.message).not.toContain('{');
    expect(error.data?.issues?.[0]?.path).toBe('token');
  });
});
