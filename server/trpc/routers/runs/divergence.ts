import { findRunDivergence } from '../../../services/run-divergence';
import { protectedProcedure } from '../../init';
import { runIdInput } from './get.schema';

/** Replays a run in the other numeric mode and returns the first tick where the spikes differ. */
export const divergence = protectedProcedure
  .input(runIdInput)
  .query(({ ctx, input }) => findRunDivergence(ctx.deps.db, ctx.caller.userId, input.runId));
