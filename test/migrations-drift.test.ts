/**
 * The migrations under prisma/migrations must build exactly the schema in prisma/schema.prisma:
 * after `prisma migrate deploy`, `prisma migrate diff` from the database to the schema is empty.
 */
import { describe, expect, it } from 'vitest';

import { runPrismaCli } from '../scripts/prisma-cli';
import { useTestDatabase } from './db';

const database = useTestDatabase();

function diffArguments(from: string[]): string[] {
  return ['migrate', 'diff', ...from, '--to-schema', 'prisma/schema.prisma', '--exit-code'];
}

describe('prisma migrations', () => {
  it('migrated database matches schema', async () => {
    const result = await runPrismaCli(diffArguments(['--from-config-datasource']), {
      env: { DATABASE_URL: database.url },
      capture: true,
    });

    expect(result.stdout).toContain('No difference detected');
    expect(result.exitCode).toBe(0);
  });

  it('diff reports an empty database', async () => {
    // Exit code 2 is the CLI's "the diff is not empty", which proves the check above can fail.
    const result = await runPrismaCli(diffArguments(['--from-empty']), {
      env: { DATABASE_URL: database.url },
      capture: true,
    });

    expect(result.stdout).toContain('[+] Added tables');
    expect(result.exitCode).toBe(2);
  });

  it('migration status is up to date', async () => {
    const result = await runPrismaCli(['migrate', 'status'], {
      env: { DATABASE_URL: database.url },
      capture: true,
    });

    expect(result.stdout).toContain('Database schema is up to date');
    expect(result.exitCode).toBe(0);
  });
});
