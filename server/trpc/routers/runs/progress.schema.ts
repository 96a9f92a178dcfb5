import { z } from 'zod';

export const runProgressInput = z.strictObject({
  runId: z.uuid(),
  /** Set by the SSE client on reconnect: the id of the last event it received. */
  lastEventId: z.string().max(40).nullish(),
});
