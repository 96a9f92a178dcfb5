/**
 * better-auth: email and password, GitHub when its keys are set, and API keys for scripts
 * (shown once at creation, stored as SHA-256 hashes). Sign-in attempts are rate-limited per IP,
 * with the counters in the database so that every server instance shares them.
 */
import { apiKey } from '@better-auth/api-key';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';

import type { Db } from '../db/client';
import type { Env } from '../env';
import type { Logger } from '../log';

/** Header that carries an API key, for clients without a session cookie. */
export const API_KEY_HEADER = 'x-api-key';
/** Prefix of every API key, so leaked keys are easy to recognise in logs and scanners. */
export const API_KEY_PREFIX = 'lvn_';

type AuthEnv = Pick<
  Env,
  | 'BETTER_AUTH_SECRET'
  | 'BETTER_AUTH_URL'
  | 'LIVENET_TRUSTED_ORIGINS'
  | 'GITHUB_CLIENT_ID'
  | 'GITHUB_CLIENT_SECRET'
  | 'AUTH_SIGN_IN_MAX_PER_MINUTE'
>;

/** Returns whether GitHub sign-in is configured, meaning both of its keys are set. */
export function isGitHubSignInEnabled(env: Pick<Env, 'GITHUB_CLIENT_ID' | 'GITHUB_CLIENT_SECRET'>): boolean {
  return Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET);
}

export function createAuth(db: Db, env: AuthEnv, log: Logger) {
  const authLog = log.child({ component: 'better-auth' });

  // The OAuth callback is `<BETTER_AUTH_URL>/api/auth/callback/github`.
  const github =
    env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
      ? { github: { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET } }
      : undefined;

  return betterAuth({
    appName: 'Livenet',
    baseURL: env.BETTER_AUTH_URL,
    trustedOrigins: env.LIVENET_TRUSTED_ORIGINS,
    // better-auth 1.7 skips the origin check under NODE_ENV=test; the tests should see what users see.
    advanced: { disableOriginCheck: false },
    secret: env.BETTER_AUTH_SECRET,
    database: prismaAdapter(db, { provider: 'postgresql' }),
    telemetry: { enabled: false },
    // better-auth's messages go to the one pino logger, at the same levels.
    logger: {
      level: 'info',
      log: (level, message, ...args: unknown[]) =>
        authLog[level]({ details: args.length > 0 ? args : undefined }, message),
    },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    socialProviders: github,
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: env.AUTH_SIGN_IN_MAX_PER_MINUTE },
        '/sign-up/email': { window: 60, max: env.AUTH_SIGN_IN_MAX_PER_MINUTE },
      },
    },
    plugins: [
      apiKey({
        apiKeyHeaders: API_KEY_HEADER,
        defaultPrefix: API_KEY_PREFIX,
        maximumNameLength: 64,
        // Livenet's own limits (active runs, ticks) bound what a key can do. The plugin's default
        // of 10 requests a day per key would break every script.
        rateLimit: { enabled: false },
        schema: { apikey: { modelName: 'apiKey' } },
      }),
      // Lets server actions and route handlers of Next.js set the session cookie.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
