import { describe, expect, it } from 'vitest';

import { parseSpec } from './parse';
import { mnistLatencyInput, specErrorOf } from './test-support';

/** Returns a spec input that presents three test digits, listed by `indices`. */
function mnistInput(indices: unknown): Record<string, unknown> {
  return mnistLatencyInput({ split: 'test', samples: 3, indices });
}

function firstIssue(indices: unknown) {
  return specErrorOf(() => parseSpec(mnistInput(indices))).issues[0]!;
}

describe('explicit digits in the spec', () => {
  it('reads the listed indices', () => {
    const spec = parseSpec(mnistInput([801, 1000, 801]));
    expect(spec.stimulus[0]!.data!.indices).toEqual([801, 1000, 801]);
  });

  it('rejects fewer indices than samples', () => {
    const issue = firstIssue([801, 1000]);
    expect(issue.path).toBe('stimulus[0].data.indices');
    expect(issue.message).toBe("expected 3 indices, one per sample (the data's samples), got 2");
  });

  it.each([10000, -1])('rejects index %d', (index) => {
    const issue = firstIssue([801, index, 801]);
    expect(issue.path).toBe('stimulus[0].data.indices[1]');
    expect(issue.message).toBe(`expected an integer in 0..9999, got ${index}`);
  });

  it('rejects a training digit', () => {
    // Per class, the last round(0.2 * n) digits are test digits. Class 0 (1,001 digits) gives
    // 801..1000, class 1 (1,127 digits from 1,001) 1903..2127, and so on; 800 is a training digit.
    const issue = firstIssue([801, 800, 1903]);
    expect(issue.path).toBe('stimulus[0].data.indices[1]');
    expect(issue.message).toBe(
      'expected a digit of the test split (801..1000, 1903..2127, 2921..3118, 3945..4150, ' +
        '4935..5130, 5821..5993, 6805..7007, 7864..8077, 8833..9021, 9804..9999), got 800',
    );
  });

  it('names one index in the singular', () => {
    const input = mnistLatencyInput({ split: 'test', samples: 1, indices: [801, 802] });
    expect(specErrorOf(() => parseSpec(input)).issues[0]!.message).toBe(
      "expected 1 index, one per sample (the data's samples), got 2",
    );
  });
});
