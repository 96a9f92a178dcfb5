/**
 * Turns the JSON reports of vitest and Playwright into pass and fail counts for `npm test`.
 *
 * A test that neither passed, failed nor was skipped did not finish: its worker crashed (out of
 * memory, killed) or an unhandled error stopped its file. Vitest reports such a run with
 * `success: true`, no failed tests and its tests left pending, so each unfinished test counts
 * here as a failure. A non-zero exit status with nothing else failed counts as one failure.
 */
import { z } from 'zod';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const vitestReport = z.object({
  numTotalTests: z.number().int().nonnegative(),
  numPassedTests: z.number().int().nonnegative(),
  numFailedTests: z.number().int().nonnegative(),
  numPendingTests: z.number().int().nonnegative(),
  numTodoTests: z.number().int().nonnegative(),
  testResults: z.array(
    z.object({
      status: z.string(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number().int().nonnegative(),
    unexpected: z.number().int().nonnegative(),
    flaky: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
});

/** `exitStatus` is null when the process ended on a signal. */
export function tallyVitest(report: unknown, exitStatus: number | null): Tally {
  const json = vitestReport.parse(report);
  const skipped = json.numPendingTests + json.numTodoTests;
  const unfinished = json.numTotalTests - json.numPassedTests - json.numFailedTests - skipped;

  // A file that failed before any of its tests ran (an import error) lists no failed test.
  const failedFilesWithoutTests = json.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
  ).length;

  const failed = json.numFailedTests + Math.max(0, unfinished) + failedFilesWithoutTests;
  return { passed: json.numPassedTests, failed: withExitStatus(failed, exitStatus), skipped };
}

export function tallyPlaywright(report: unknown, exitStatus: number | null): Tally {
  const { stats } = playwrightReport.parse(report);
  return {
    passed: stats.expected + stats.flaky,
    failed: withExitStatus(stats.unexpected, exitStatus),
    skipped: stats.skipped,
  };
}

function withExitStatus(failed: number, exitStatus: number | null): number {
  return failed === 0 && exitStatus !== 0 ? 1 : failed;
}
