import { listSnapshots } from '../../../services/snapshots';
import { protectedProcedure } from '../../init';
import { listSnapshotsInput } from './list.schema';

/** Snapshots of a run; download one from `/api/snapshots/<id>` with the same credentials. */
export const list = protectedProcedure
  .input(listSnapshotsInput)
  .query(({ ctx, input }) => listSnapshots(ctx.deps.db, ctx.caller.userId, input.runId));
