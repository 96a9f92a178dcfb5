/**
 * The tRPC endpoint: queries and mutations over HTTP, subscriptions over server-sent events
 * (clients use `httpSubscriptionLink`; a reconnecting EventSource sends its last event id).
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';

import { getServerDeps } from '@/server/deps';
import { createContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/router';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function handle(request: Request): Promise<Response> {
  const deps = getServerDeps();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createContext(deps, request.headers),
    // Serverless functions have a time limit; the client reconnects and resumes by event id.
    responseMeta: () => ({ headers: { 'cache-control': 'no-store' } }),
  });
}

export { handle as GET, handle as POST };
