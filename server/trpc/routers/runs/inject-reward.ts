import { injectReward } from '../../../services/run-inject';
import { protectedProcedure } from '../../init';
import { injectRewardInput } from './inject-reward.schema';

export const injectRewardProcedure = protectedProcedure
  .input(injectRewardInput)
  .mutation(({ ctx, input }) => injectReward(ctx.deps, ctx.caller.userId, input.runId, input.value));
