import { z } from 'zod';

export const revokeShareInput = z.strictObject({ shareLinkId: z.uuid() });
