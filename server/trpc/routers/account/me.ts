import { NotFoundError } from '../../../errors';
import { protectedProcedure } from '../../init';

/** Returns the signed-in user, and whether the request came with a session or an API key. */
export const me = protectedProcedure.query(async ({ ctx }) => {
  const user = await ctx.deps.db.user.findUnique({
    where: { id: ctx.caller.userId },
    select: { id: true, name: true, email: true, image: true, createdAt: true },
  });
  if (!user) throw new NotFoundError('user', ctx.caller.userId);
  return { ...user, via: ctx.caller.via };
});
