import { getRun } from '../../../services/runs';
import { protectedProcedure } from '../../init';
import { runIdInput } from './get.schema';

export const get = protectedProcedure
  .input(runIdInput)
  .query(({ ctx, input }) => getRun(ctx.deps.db, ctx.caller.userId, input.runId));
