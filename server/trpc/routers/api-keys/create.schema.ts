import { z } from 'zod';

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(64),
});
