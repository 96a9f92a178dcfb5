/**
 * better-auth's React client for the web app: `authClient.signIn.email(...)`,
 * `authClient.signUp.email(...)`, `authClient.signIn.social({ provider: 'github' })`,
 * `authClient.signOut()`, `authClient.useSession()`. It calls the route `app/api/auth/[...all]`
 * on the page's own origin. API keys are managed through tRPC (`apiKeys.*`), not this client.
 */
'use client';

import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient();

export const { signIn, signUp, signOut, useSession } = authClient;
