import { z } from 'zod';

export const injectRewardInput = z.strictObject({
  runId: z.uuid(),
  /** Reward for reward-modulated learning: positive for reward, negative for punishment. */
  value: z.number().finite().min(-1_000).max(1_000),
});
