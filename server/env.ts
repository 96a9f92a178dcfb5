/**
 * Server configuration, read from the environment once and checked with zod at start-up. Every
 * setting has a working default for a laptop: no DATABASE_URL starts the embedded PostgreSQL, no
 * BLOB_READ_WRITE_TOKEN stores blobs under `.data/blobs`, and a development auth secret is used
 * outside production (production refuses it).
 */
import { z } from 'zod';

/** Development-only auth secret; `loadEnv` rejects it when NODE_ENV is production. */
export const DEVELOPMENT_AUTH_SECRET = 'livenet-development-secret-do-not-use-in-production';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),

    BLOB_READ_WRITE_TOKEN: z.string().min(1).optional(),
    BLOB_ACCESS: z.enum(['private', 'public']).default('private'),
    BLOB_DIR: z.string().min(1).default('.data/blobs'),

    BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_AUTH_SECRET),
    BETTER_AUTH_URL: z.url().default('http://localhost:3000'),
    /**
     * More origins sign-in accepts besides BETTER_AUTH_URL's, comma-separated (for example the
     * same port on 127.0.0.1 when BETTER_AUTH_URL names localhost).
     */
    LIVENET_TRUSTED_ORIGINS: z
      .string()
      .default('')
      .transform((text) =>
        text
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
      )
      .pipe(z.array(z.url({ error: 'expected a comma-separated list of URLs' }))),
    GITHUB_CLIENT_ID: z.string().min(1).optional(),
    GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
    AUTH_SIGN_IN_MAX_PER_MINUTE: positiveInt(10),

    /** Maximum length of a run, in ticks. */
    LIVENET_MAX_TICKS_PER_RUN: positiveInt(2_000_000),
    /** Runs per user that may be queued or running at once. */
    LIVENET_MAX_ACTIVE_RUNS_PER_USER: positiveInt(4),
    /** Largest spec accepted, in bytes of JSON. */
    LIVENET_MAX_SPEC_BYTES: positiveInt(256 * 1024),
    /** Neurons of one run's network, over all populations. */
    LIVENET_MAX_NEURONS_PER_RUN: positiveInt(1_000_000),
    /** Synapses of one run's network, over all projections (sparse ones counted by expectation). */
    LIVENET_MAX_SYNAPSES_PER_RUN: positiveInt(50_000_000),
    /** Largest notebook document accepted, in bytes of JSON (all cells together). */
    LIVENET_MAX_NOTEBOOK_BYTES: positiveInt(2 * 1024 * 1024),
    /** Ticks the worker advances between progress writes. */
    LIVENET_CHUNK_TICKS: positiveInt(500),
    /** Ticks between checkpoints; a retried run loses at most this much work. */
    LIVENET_CHECKPOINT_EVERY_TICKS: positiveInt(10_000),
    /** Runs one worker process executes at once. */
    LIVENET_WORKER_CONCURRENCY: positiveInt(1),
    /** Seconds without a heartbeat after which a worker is presumed dead and its job released. */
    LIVENET_WORKER_STALE_AFTER_SECONDS: positiveInt(60),
  })
  .superRefine((env, context) => {
    if (env.NODE_ENV === 'production' && env.BETTER_AUTH_SECRET === DEVELOPMENT_AUTH_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['BETTER_AUTH_SECRET'],
        message:
          'is the development default, which is rejected in production: set a random secret of 32+ characters',
      });
    }
    if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
      context.addIssue({
        code: 'custom',
        path: [env.GITHUB_CLIENT_ID ? 'GITHUB_CLIENT_SECRET' : 'GITHUB_CLIENT_ID'],
        message: 'is missing: GitHub sign-in needs both GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Raised at start-up when the environment is invalid; the message lists every bad variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses an environment (process.env by default); empty strings count as unset. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const defined = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(defined);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const value =
      name in defined && !/SECRET|TOKEN|PASSWORD|DATABASE_URL/.test(name) ? ` (got "${defined[name]}")` : '';
    return `${name} ${issue.message}${value}`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

/** Returns the process's environment, parsed on first use. */
export function getEnv(): Env {
  cached ??= loadEnv();
  return cached;
}
