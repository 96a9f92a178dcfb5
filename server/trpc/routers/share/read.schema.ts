import { z } from 'zod';

/** A share token: 32 random bytes in base64url (43 characters). */
export const shareToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'is not a share token');

export const readShareInput = z.strictObject({ token: shareToken });

export const shareProgressInput = z.strictObject({
  token: shareToken,
  lastEventId: z.string().max(40).nullish(),
});
