/**
 * The whole test suite: vitest (core, server, workers) and then the Playwright journeys when they
 * exist. Prints one closing line `tests: N passed, N failed` summing both, and exits non-zero when
 * anything failed or no test ran.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function runVitest(): Tally {
  mkdirSync('.data', { recursive: true });
  const report = '.data/vitest-report.json';
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  const failed = json.numFailedTests + (result.status !== 0 && json.numFailedTests === 0 ? 1 : 0);
  return { passed: json.numPassedTests, failed, skipped: json.numPendingTests + json.numTodoTests };
}

function runPlaywright(): Tally {
  if (!existsSync('e2e') || !readdirSync('e2e').some((f) => f.endsWith('.spec.ts'))) {
    return { passed: 0, failed: 0, skipped: 0 };
  }
  const report = '.data/playwright-report.json';
  const result = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
  });
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  const failed = json.stats.unexpected + (result.status !== 0 && json.stats.unexpected === 0 ? 1 : 0);
  return { passed: json.stats.expected + json.stats.flaky, failed, skipped: json.stats.skipped };
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
