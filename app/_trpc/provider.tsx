'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

import { createBrowserTRPCClient } from './links';
import { TRPCProvider } from './react';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Pages fetch on the client after hydration; a short stale time avoids a second request
        // when a component mounts twice under React strict mode.
        staleTime: 5_000,
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}

/** True for errors a retry cannot fix: bad input, missing rights, unknown ids. */
function isClientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('data' in error)) return false;
  const data = (error as { data?: { httpStatus?: unknown } }).data;
  const status = typeof data?.httpStatus === 'number' ? data.httpStatus : 0;
  return status >= 400 && status < 500;
}

/** Provides React Query and the typed tRPC client to the whole app. */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(createBrowserTRPCClient);

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
