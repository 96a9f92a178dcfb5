import { tracked } from '@trpc/server';

import { streamRunProgress } from '../../../services/run-progress';
import { resolveShareToken } from '../../../services/share-links';
import { publicProcedure } from '../../init';
import { shareProgressInput } from './read.schema';

/** Streams the live feed of a shared run. Revoking the link ends access at the next reconnect. */
export const progress = publicProcedure.input(shareProgressInput).subscription(async function ({
  ctx,
  input,
  signal,
}) {
  const runId = await resolveShareToken(ctx.deps.db, input.token);

  return (async function* () {
    for await (const item of streamRunProgress(ctx.deps, runId, input.lastEventId, signal)) {
      yield tracked(item.id, item.message);
    }
  })();
});
