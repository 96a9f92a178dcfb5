/**
 * The tRPC instance and its two procedure builders. Every procedure goes through `domainErrors`,
 * which turns expected failures into their tRPC codes and logs the unexpected ones. The mapping
 * itself is in `server/errors`. `protectedProcedure` also requires a signed-in caller.
 */
import { TRPCError, initTRPC } from '@trpc/server';
import superjson from 'superjson';

import { DomainError, InvalidError, toTRPCError } from '../errors';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        kind: cause instanceof DomainError ? cause.kind : null,
        issues: cause instanceof InvalidError ? cause.issues : null,
      },
    };
  },
});

const domainErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok) return result;

  const mapped = toTRPCError(result.error.cause);
  if (mapped) throw mapped;
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.log.error({ err: result.error.cause ?? result.error, path, type }, 'procedure failed');
  }
  return result;
});

const requireCaller = t.middleware(({ ctx, next }) => {
  if (!ctx.caller) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: ctx.authFailure ?? 'sign in or send an API key in x-api-key',
    });
  }
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);
export const protectedProcedure = publicProcedure.use(requireCaller);
