import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import superjson from 'superjson';

import type { AppRouter } from '@/server/trpc/router';

/** Path of the tRPC route handler, relative to the site. */
export const TRPC_PATH = '/api/trpc';

function apiUrl(): string {
  // Browsers resolve the relative path; a server render never calls the API, so the origin is
  // only a placeholder that keeps the URL valid there.
  if (typeof window !== 'undefined') return TRPC_PATH;
  return `http://127.0.0.1${TRPC_PATH}`;
}

/**
 * Creates the browser's tRPC client. Subscriptions go over server-sent events, so a cut-off
 * stream reconnects with the id of the last event it saw. Everything else is batched into one
 * HTTP request per tick of the event loop.
 */
export function createBrowserTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: apiUrl(), transformer: superjson }),
        false: httpBatchLink({ url: apiUrl(), transformer: superjson }),
      }),
    ],
  });
}
