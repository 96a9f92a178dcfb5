import { deleteRun } from '../../../services/run-delete';
import { protectedProcedure } from '../../init';
import { runIdInput } from './get.schema';

export const remove = protectedProcedure
  .input(runIdInput)
  .mutation(({ ctx, input }) => deleteRun(ctx.deps, ctx.caller.userId, input.runId));
