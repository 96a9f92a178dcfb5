import { injectStimulus } from '../../../services/run-inject';
import { protectedProcedure } from '../../init';
import { injectStimulusInput } from './inject-stimulus.schema';

export const injectStimulusProcedure = protectedProcedure
  .input(injectStimulusInput)
  .mutation(({ ctx, input }) => injectStimulus(ctx.deps, ctx.caller.userId, input.runId, input));
