/**
 * Database location: DATABASE_URL, or else the embedded server at its default address, which
 * `scripts/dev.ts`, `scripts/worker.ts` and `scripts/prisma.ts` start before anything connects.
 */
export const EMBEDDED_DATABASE_URL = 'postgresql://postgres:livenet@127.0.0.1:54329/livenet';

export function resolveDatabaseUrl(env: { DATABASE_URL?: string | undefined }): string {
  return env.DATABASE_URL ?? EMBEDDED_DATABASE_URL;
}
