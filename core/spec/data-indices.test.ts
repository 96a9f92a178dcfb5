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

  it('rejects an index past the dataset', () => {
    const issue = firstIssue([801, 10000, 801]);
    expect(issue.path).toBe('stimulus[0].data.indices[1]');
    expect(issue.message).toContain('got 10000');
  });
});
