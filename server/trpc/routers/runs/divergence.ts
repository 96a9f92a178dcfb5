import { TRPCError } from '@trpc/server';

import { ReplayTimeoutError } from '../../../services/divergence-replay';
import { findRunDivergence } from '../../../services/run-divergence';
import { protectedProcedure } from '../../init';
import { runIdInput } from './get.schema';

/** Replays a run in the other numeric mode and returns the first tick where the spikes differ. */
export const divergence = protectedProcedure.input(runIdInput).query(async ({ ctx, input }) => {
  try {
    return await findRunDivergence(ctx.deps.db, ctx.caller.userId, input.runId);
  } catch (error) {
    if (!(error instanceof ReplayTimeoutError)) throw error;
    throw new TRPCError({
      code: 'TIMEOUT',
      message: `${error.message}; the network is too slow to replay within the limit`,
      cause: error,
    });
  }
});
