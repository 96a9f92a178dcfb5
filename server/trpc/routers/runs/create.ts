import { createRun } from '../../../services/runs';
import { protectedProcedure } from '../../init';
import { createRunInput } from './create.schema';

export const create = protectedProcedure
  .input(createRunInput)
  .mutation(({ ctx, input }) => createRun(ctx.deps, ctx.caller.userId, input));
