/** better-auth's endpoints (sign-up, sign-in, sign-out, session, OAuth callbacks) under /api/auth. */
import { getServerDeps } from '@/server/deps';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function handle(request: Request): Promise<Response> {
  return getServerDeps().auth.handler(request);
}

export { handle as GET, handle as POST };
