import { listShareLinks } from '../../../services/share-links';
import { protectedProcedure } from '../../init';
import { shareRunInput } from './create.schema';

export const list = protectedProcedure
  .input(shareRunInput)
  .query(({ ctx, input }) => listShareLinks(ctx.deps.db, ctx.caller.userId, input.runId));
