import { describe, expect, it } from 'vitest';

import { tallyPlaywright, tallyVitest } from '../scripts/test-tally';

/** Builds a vitest JSON report trimmed to the fields the tally reads. */
function vitestReport(counts: {
  total: number;
  passed: number;
  failed: number;
  pending?: number;
  files: { status: string; tests: string[] }[];
}) {
  return {
    numTotalTests: counts.total,
    numPassedTests: counts.passed,
    numFailedTests: counts.failed,
    numPendingTests: counts.pending ?? 0,
    numTodoTests: 0,
    success: true,
    testResults: counts.files.map((file) => ({
      status: file.status,
      assertionResults: file.tests.map((status) => ({ status })),
    })),
  };
}

describe('tallyVitest', () => {
  it('fails the tests of a crashed worker', () => {
    // Vitest 4.1.12's report after a worker of a three-test file was killed during its second
    // test: one other file passed, the crashed file's tests stay pending, exit status 1.
    const report = vitestReport({
      total: 4,
      passed: 1,
      failed: 0,
      files: [
        { status: 'passed', tests: ['pending', 'pending', 'pending'] },
        { status: 'passed', tests: ['passed'] },
      ],
    });

    expect(tallyVitest(report, 1)).toEqual({ passed: 1, failed: 3, skipped: 0 });
    expect(tallyVitest(report, 0)).toEqual({ passed: 1, failed: 3, skipped: 0 });
  });

  it('keeps skipped tests apart', () => {
    const report = vitestReport({
      total: 5,
      passed: 3,
      failed: 0,
      pending: 2,
      files: [{ status: 'passed', tests: ['passed', 'passed', 'passed', 'skipped', 'skipped'] }],
    });

    expect(tallyVitest(report, 0)).toEqual({ passed: 3, failed: 0, skipped: 2 });
  });

  it('fails a file that did not load', () => {
    const report = vitestReport({
      total: 2,
      passed: 2,
      failed: 0,
      files: [
        { status: 'failed', tests: [] },
        { status: 'passed', tests: ['passed', 'passed'] },
      ],
    });

    expect(tallyVitest(report, 1)).toEqual({ passed: 2, failed: 1, skipped: 0 });
  });

  it('fails a non-zero exit status', () => {
    const report = vitestReport({
      total: 1,
      passed: 1,
      failed: 0,
      files: [{ status: 'passed', tests: ['passed'] }],
    });

    expect(tallyVitest(report, 1).failed).toBe(1);
    expect(tallyVitest(report, null).failed).toBe(1);
    expect(tallyVitest(report, 0).failed).toBe(0);
  });

  it('names a missing report field', () => {
    expect(() => tallyVitest({ numTotalTests: 1 }, 0)).toThrow(/numPassedTests/);
  });
});

describe('tallyPlaywright', () => {
  it('counts flaky journeys as passed', () => {
    const report = { stats: { expected: 20, unexpected: 2, flaky: 1, skipped: 3 } };

    expect(tallyPlaywright(report, 1)).toEqual({ passed: 21, failed: 2, skipped: 3 });
  });
});
