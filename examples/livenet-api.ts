/**
 * A typed Livenet API client for scripts: queries and mutations batched over HTTP, run progress
 * over server-sent events, and snapshot downloads. Every request carries the API key in the
 * `x-api-key` header; a key is made in Settings > API keys and shown once.
 */
import { createHash } from 'node:crypto';

import {
  TRPCClientError,
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { z } from 'zod';

import type { AppRouter } from '../server/trpc/router';

export const API_KEY_HEADER = 'x-api-key';

/** Category of a failed request, one for each way a script reacts to it. */
export type FailureKind = 'auth' | 'invalid' | 'unreachable' | 'server';

/** A failed API call, with a one-line message that names the cause and what to do next. */
export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export type LivenetClient = ReturnType<typeof createLivenetClient>;

/** Creates a client of the server at `baseUrl` (for example http://localhost:3000). */
export function createLivenetClient(baseUrl: string, apiKey: string) {
  const url = new URL('/api/trpc', baseUrl).toString();
  const withKey: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set(API_KEY_HEADER, apiKey);
    return fetch(input, { ...init, headers });
  };

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
        false: httpBatchLink({ url, transformer: superjson, fetch: withKey }),
      }),
    ],
  });
}

const issueSchema = z.object({ path: z.string(), message: z.string(), value: z.unknown().optional() });
const errorDataSchema = z.object({
  code: z.string(),
  httpStatus: z.number().optional(),
  issues: z.array(issueSchema).nullish(),
});

function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    if (current instanceof TypeError && current.message === 'fetch failed' && current.cause === undefined)
      return 'fetch failed';
    current = current.cause;
  }
  return null;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Turns any error of a client call into an ApiFailure with a one-line message. */
export function toApiFailure(error: unknown, baseUrl: string): ApiFailure {
  if (error instanceof ApiFailure) return error;

  const code = networkCode(error);
  if (code !== null) {
    return new ApiFailure(
      'unreachable',
      `cannot reach the Livenet server at ${baseUrl} (${code}): start it with "npm start" or set LIVENET_URL`,
    );
  }

  if (!(error instanceof TRPCClientError)) {
    return new ApiFailure('server', error instanceof Error ? error.message : String(error));
  }
  const data = errorDataSchema.safeParse(error.data);
  if (!data.success) {
    return new ApiFailure(
      'server',
      `unexpected response from ${baseUrl}: ${error.message} (is LIVENET_URL a Livenet server?)`,
    );
  }

  if (data.data.code === 'UNAUTHORIZED') {
    return new ApiFailure('auth', `authentication failed: ${error.message} (check LIVENET_API_KEY)`);
  }
  if (data.data.code === 'BAD_REQUEST') {
    const first = data.data.issues?.[0];
    const got = first && first.value !== undefined ? ` (got ${describeValue(first.value)})` : '';
    return new ApiFailure('invalid', `${error.message}${got}`);
  }
  return new ApiFailure('server', `${data.data.code.toLowerCase()}: ${error.message}`);
}

const downloadErrorSchema = z.object({ error: z.string() });

/**
 * Downloads snapshot `snapshotId` and checks its SHA-256 against `expectedSha256`.
 * @throws ApiFailure when the server rejects the request or sends other bytes.
 */
export async function downloadSnapshot(
  baseUrl: string,
  apiKey: string,
  snapshotId: string,
  expectedSha256: string,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(new URL(`/api/snapshots/${snapshotId}`, baseUrl), {
      headers: { [API_KEY_HEADER]: apiKey },
    });
  } catch (error) {
    throw toApiFailure(error, baseUrl);
  }

  if (!response.ok) {
    const body = downloadErrorSchema.safeParse(await response.json().catch(() => null));
    const reason = body.success ? body.data.error : response.statusText;
    const kind: FailureKind = response.status === 401 ? 'auth' : 'server';
    throw new ApiFailure(
      kind,
      `snapshot ${snapshotId} download failed with HTTP ${response.status}: ${reason}`,
    );
  }

  const bytes = new Uint8Array(await response.arrayBuffer());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== expectedSha256) {
    throw new ApiFailure(
      'server',
      `snapshot ${snapshotId} arrived corrupted: SHA-256 ${sha256}, expected ${expectedSha256}`,
    );
  }
  return bytes;
}
