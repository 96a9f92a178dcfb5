'use client';

import { createTRPCContext } from '@trpc/tanstack-react-query';

import type { AppRouter } from '@/server/trpc/router';

/** Typed hooks for the tRPC API: `useTRPC()` gives query, mutation and subscription options. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
