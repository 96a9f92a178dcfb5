import { tracked } from '@trpc/server';

import { getRun } from '../../../services/runs';
import { streamRunProgress } from '../../../services/run-progress';
import { protectedProcedure } from '../../init';
import { runProgressInput } from './progress.schema';

/** Live chunks, events and status of a run, resumable by event id (see run-progress). */
export const progress = protectedProcedure.input(runProgressInput).subscription(async function ({
  ctx,
  input,
  signal,
}) {
  await getRun(ctx.deps.db, ctx.caller.userId, input.runId);

  return (async function* () {
    for await (const item of streamRunProgress(ctx.deps, input.runId, input.lastEventId, signal)) {
      yield tracked(item.id, item.message);
    }
  })();
});
