import { readSharedRun } from '../../../services/share-links';
import { publicProcedure } from '../../init';
import { readShareInput } from './read.schema';

/** The shared run, read-only, for anyone holding the token. */
export const read = publicProcedure
  .input(readShareInput)
  .query(({ ctx, input }) => readSharedRun(ctx.deps.db, input.token));
