/**
 * The tRPC fetch handler (the same one the Next.js route uses) behind a Node HTTP server on
 * 127.0.0.1, and a typed client for it that authenticates with an API key and receives
 * subscriptions over server-sent events.
 */
import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { EventSource } from 'eventsource';
import superjson from 'superjson';

import { API_KEY_HEADER } from '../server/auth/auth';
import type { ServerDeps } from '../server/deps';
import { createContext } from '../server/trpc/context';
import { type AppRouter, appRouter } from '../server/trpc/router';

function toRequest(message: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const hasBody = message.method !== 'GET' && message.method !== 'HEAD';
  return new Request(new URL(message.url ?? '/', origin), {
    method: message.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(message), duplex: 'half' } : {}),
  } as RequestInit);
}

export async function startHttpApi(deps: ServerDeps) {
  let origin = '';
  const server = createServer((message, response) => {
    const request = toRequest(message, origin);
    void fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () => createContext(deps, request.headers),
    }).then((result) => {
      response.writeHead(result.status, Object.fromEntries(result.headers));
      if (result.body) Readable.fromWeb(result.body as NodeReadableStream).pipe(response);
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/api/trpc`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function createApiKeyClient(url: string, apiKey: string) {
  const withKey: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      headers: { ...Object.fromEntries(new Headers(init?.headers)), [API_KEY_HEADER]: apiKey },
    });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          transformer: superjson,
          EventSource,
          eventSourceOptions: { fetch: withKey },
        }),
        false: httpLink({ url, transformer: superjson, fetch: withKey }),
      }),
    ],
  });
}
