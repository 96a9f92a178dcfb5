import { listApiKeys } from '../../../services/api-keys';
import { protectedProcedure } from '../../init';

export const list = protectedProcedure.query(({ ctx }) => listApiKeys(ctx.deps.db, ctx.caller.userId));
