import { forkRunFromSnapshot } from '../../../services/snapshots';
import { protectedProcedure } from '../../init';
import { forkSnapshotInput } from './fork.schema';

export const fork = protectedProcedure
  .input(forkSnapshotInput)
  .mutation(({ ctx, input }) => forkRunFromSnapshot(ctx.deps, ctx.caller.userId, input.snapshotId));
