import { checkSpec, specLimitsOf } from '../../../services/spec';
import { protectedProcedure } from '../../init';
import { validateSpecInput } from './validate.schema';

/** Parses and compiles a spec: the placement report, or every issue with its path and value. */
export const validate = protectedProcedure.input(validateSpecInput).mutation(({ ctx, input }) => {
  const result = checkSpec(
    input.source,
    { seed: input.seed, ...(input.mode ? { mode: input.mode } : {}) },
    specLimitsOf(ctx.deps.env),
  );
  return result.valid ? { valid: true as const, placement: result.placement } : result;
});
