import { revokeApiKey } from '../../../services/api-keys';
import { protectedProcedure } from '../../init';
import { revokeApiKeyInput } from './revoke.schema';

export const revoke = protectedProcedure.input(revokeApiKeyInput).mutation(async ({ ctx, input }) => {
  await revokeApiKey(ctx.deps.db, ctx.caller.userId, input.keyId);
  return { keyId: input.keyId };
});
