import { createShareLink } from '../../../services/share-links';
import { protectedProcedure } from '../../init';
import { shareRunInput } from './create.schema';

/** Creates a read-only link; its token is in the result and cannot be read again. */
export const create = protectedProcedure
  .input(shareRunInput)
  .mutation(({ ctx, input }) => createShareLink(ctx.deps.db, ctx.caller.userId, input.runId));
