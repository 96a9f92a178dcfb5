/**
 * The tRPC instance and its two procedure builders. Every procedure goes through `domainErrors`,
 * which turns expected failures into their tRPC codes and logs the unexpected ones. The mapping
 * itself is in `server/errors`. `protectedProcedure` also requires a signed-in caller.
 */
import { TRPCError, initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';

import { DomainError, InvalidError, toTRPCError } from '../errors';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;

    // A procedure input that fails its zod schema: tRPC's message is the issues as JSON, so name
    // each field and its problem in one readable line and pass the issues on like a bad spec's.
    if (cause instanceof ZodError) {
      const issues = cause.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || 'input',
        message: issue.message,
      }));
      return {
        ...shape,
        message: `invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        data: { ...shape.data, kind: null, issues },
      };
    }

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
