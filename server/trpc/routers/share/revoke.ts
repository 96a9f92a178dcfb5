import { revokeShareLink } from '../../../services/share-links';
import { protectedProcedure } from '../../init';
import { revokeShareInput } from './revoke.schema';

export const revoke = protectedProcedure
  .input(revokeShareInput)
  .mutation(({ ctx, input }) => revokeShareLink(ctx.deps.db, ctx.caller.userId, input.shareLinkId));
