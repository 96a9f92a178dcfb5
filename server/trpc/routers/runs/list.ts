import { listRuns } from '../../../services/runs';
import { protectedProcedure } from '../../init';
import { listRunsInput } from './list.schema';

export const list = protectedProcedure
  .input(listRunsInput)
  .query(({ ctx, input }) => listRuns(ctx.deps.db, ctx.caller.userId, input));
