/**
 * The whole test suite: vitest (core, server, workers) and then the Playwright journeys when they
 * exist. Prints one closing line `tests: N passed, N failed` summing both, and exits non-zero when
 * anything failed or no test ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

import { type Tally, tallyPlaywright, tallyVitest } from './test-tally';

function runVitest(): Tally {
  mkdirSync('.data', { recursive: true });
  const report = '.data/vitest-report.json';
  // A crashed run writes no report, so an earlier run's report must not be read in its place.
  rmSync(report, { force: true });
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  return tallyVitest(JSON.parse(readFileSync(report, 'utf8')), result.status);
}

function runPlaywright(): Tally {
  if (!existsSync('e2e') || !readdirSync('e2e').some((f) => f.endsWith('.spec.ts'))) {
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const report = '.data/playwright-report.json';
  rmSync(report, { force: true });
  const result = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  return tallyPlaywright(JSON.parse(readFileSync(report, 'utf8')), result.status);
}

const tallies = [runVitest()];
if (process.argv.includes('--unit')) {
  // Unit tests only: no browser journeys.
} else {
  tallies.push(runPlaywright());
}

const total = tallies.reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
process.stdout.write(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
