import { listNotebooks } from '../../../services/notebooks';
import { protectedProcedure } from '../../init';

export const list = protectedProcedure.query(({ ctx }) => listNotebooks(ctx.deps.db, ctx.caller.userId));
