/** Server-side callers of the API (server components, scripts, tests): no HTTP involved. */
import type { ServerDeps } from '../deps';
import { createContextForUser } from './context';
import { createCallerFactory } from './init';
import { appRouter } from './router';

const createCaller = createCallerFactory(appRouter);

export function createCallerForUser(deps: ServerDeps, userId: string | null) {
  return createCaller(createContextForUser(deps, userId));
}

export { createCaller };
