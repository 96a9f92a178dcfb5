import { describe, expect, it } from 'vitest';

import { DEVELOPMENT_AUTH_SECRET, EnvError, loadEnv } from './env';

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadEnv', () => {
  it('empty environment uses defaults', () => {
    const env = loadEnv({});

    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.BLOB_READ_WRITE_TOKEN).toBeUndefined();
    expect(env.BLOB_DIR).toBe('.data/blobs');
    expect(env.BETTER_AUTH_SECRET).toBe(DEVELOPMENT_AUTH_SECRET);
  });

  it('production rejects development secret', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^BETTER_AUTH_SECRET is the development default/);
  });

  it('production accepts a real secret', () => {
    const env = loadEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: 'x'.repeat(32) });

    expect(env.BETTER_AUTH_SECRET).toBe('x'.repeat(32));
  });

  it('short secret names the minimum', () => {
    expect(problemsOf({ BETTER_AUTH_SECRET: 'short' })).toEqual([
      'BETTER_AUTH_SECRET must be at least 32 characters',
    ]);
  });

  it('half of GitHub keys is rejected', () => {
    expect(problemsOf({ GITHUB_CLIENT_ID: 'abc' })[0]).toMatch(/^GITHUB_CLIENT_SECRET is missing/);
  });

  it('bad limit names variable and value', () => {
    expect(problemsOf({ LIVENET_CHUNK_TICKS: '-5' })[0]).toMatch(/^LIVENET_CHUNK_TICKS .*\(got "-5"\)$/);
  });

  it('non-postgres database URL is rejected', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://localhost/db' });

    expect(problems[0]).toMatch(/^DATABASE_URL /);
    expect(problems[0]).not.toContain('mysql://');
  });

  it('empty string counts as unset', () => {
    expect(loadEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
