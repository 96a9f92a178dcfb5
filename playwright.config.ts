import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser journeys against the whole stack (`e2e/serve.ts`: a fresh database, the Next.js dev
 * server, one worker). Chromium comes from Debian, because Playwright's own download is not
 * reachable from these machines.
 */
export default defineConfig({
  testDir: 'e2e',
  // Journeys share one server and one worker, and a run occupies the worker, so they go one by one.
  workers: 1,
  fullyParallel: false,
  // The dev server compiles each route on its first request, which takes seconds on two cores.
  timeout: 240_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL,
    viewport: { width: 1400, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 90_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: 'npx tsx e2e/serve.ts',
    url: `${baseURL}/api/auth/ok`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
