import { z } from 'zod';

export const revokeApiKeyInput = z.strictObject({ keyId: z.string().min(1).max(64) });
