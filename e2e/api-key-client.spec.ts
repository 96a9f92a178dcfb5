import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { signUp } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs `examples/client.ts` as a user would and returns its exit code and output. */
function runClient(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'examples', 'client.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 180_000 },
      (error, stdout, stderr) => {
        let code = 0;
        if (error !== null) code = typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

test('settings key drives the script client', async ({ page, baseURL }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByLabel('API key name').fill('script');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = await page.getByLabel('New API key').inputValue();
  expect(key).toMatch(/^lvn_/);

  const directory = await mkdtemp(path.join(os.tmpdir(), 'livenet-e2e-client-'));
  let runId: string | undefined;
  try {
    const out = path.join(directory, 'final.safetensors');
    const result = await runClient(['examples/pair.json', '--seed', '1', '--ticks', '200', '--out', out], {
      LIVENET_URL: baseURL ?? '',
      LIVENET_API_KEY: key,
    });

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    runId = /^run (\S+) created/m.exec(result.stdout)?.[1];
    expect(runId).toBeDefined();

    // A safetensors file starts with the 8-byte little-endian length of its JSON header.
    const bytes = await readFile(out);
    const headerLength = Number(bytes.readBigUInt64LE(0));
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(header)).toContain('__metadata__');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }

  // The run the script created belongs to the signed-in user and finished.
  await page.goto(`/runs/${runId ?? ''}`);
  await expect(page.getByTestId('run-status-header')).toHaveText(/succeeded/i);
});
