import { createApiKey } from '../../../services/api-keys';
import { protectedProcedure } from '../../init';
import { createApiKeyInput } from './create.schema';

/** Creates a key; `key` in the result is the only time the key is shown. */
export const create = protectedProcedure
  .input(createApiKeyInput)
  .mutation(({ ctx, input }) => createApiKey(ctx.deps.auth, ctx.caller.userId, input.name));
