import { cancelRun } from '../../../services/runs';
import { protectedProcedure } from '../../init';
import { runIdInput } from './get.schema';

export const cancel = protectedProcedure
  .input(runIdInput)
  .mutation(({ ctx, input }) => cancelRun(ctx.deps, ctx.caller.userId, input.runId));
