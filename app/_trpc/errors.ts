import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

import type { AppRouter } from '@/server/trpc/router';

const issuesSchema = z.array(z.object({ path: z.string(), message: z.string() }));

/** Returns the tRPC error code of a failed call (`CONFLICT`, `UNAUTHORIZED`, ...), or null. */
export function trpcErrorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error as TRPCClientError<AppRouter>).data?.code ?? null) : null;
}

/** Returns the per-field issues the server attaches to an invalid input (a bad spec, a bad seed). */
export function trpcErrorIssues(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof TRPCClientError)) return [];
  const parsed = issuesSchema.safeParse((error as TRPCClientError<AppRouter>).data?.issues);
  return parsed.success ? parsed.data : [];
}
