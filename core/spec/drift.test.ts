import { describe, expect, it } from 'vitest';

import { parseSpec } from './parse';
import { mnistLatencyInput, specErrorOf } from './test-support';

function firstIssue(drift: unknown) {
  return specErrorOf(() => parseSpec(mnistLatencyInput({ drift }))).issues[0]!;
}

describe('data drift in the spec', () => {
  it('reads a drift with its defaults', () => {
    const spec = parseSpec(mnistLatencyInput({ drift: { fromSample: 4, contrast: 0.5 } }));
    expect(spec.stimulus[0]!.data!.drift).toEqual({ fromSample: 4, contrast: 0.5, shiftX: 0, shiftY: 0 });
  });

  it('accepts the limits', () => {
    const drift = { fromSample: 10, contrast: 1, shiftX: -27, shiftY: 27 };
    expect(parseSpec(mnistLatencyInput({ drift })).stimulus[0]!.data!.drift).toEqual(drift);
  });

  it('rejects fromSample past samples', () => {
    const issue = firstIssue({ fromSample: 11, contrast: 0.5 });
    expect(issue.path).toBe('stimulus[0].data.drift.fromSample');
    expect(issue.message).toBe("expected a sample index in 0..10 (the data's samples), got 11");
  });

  it('rejects a negative fromSample', () => {
    const issue = firstIssue({ fromSample: -1 });
    expect(issue.path).toBe('stimulus[0].data.drift.fromSample');
    expect(issue.message).toContain('got -1');
  });

  it('requires fromSample', () => {
    expect(firstIssue({ contrast: 0.5 }).path).toBe('stimulus[0].data.drift.fromSample');
  });

  it.each([0, -0.5, 1.5])('rejects contrast %d', (contrast) => {
    const issue = firstIssue({ fromSample: 0, contrast });
    expect(issue.path).toBe('stimulus[0].data.drift.contrast');
    expect(issue.message).toContain('expected a number in (0, 1]');
    expect(issue.message).toContain(`got ${contrast}`);
  });

  it.each([
    ['shiftX', 28],
    ['shiftY', -28],
    ['shiftX', 1.5],
  ])('rejects %s %d', (field, value) => {
    const issue = firstIssue({ fromSample: 0, [field]: value });
    expect(issue.path).toBe(`stimulus[0].data.drift.${field}`);
    expect(issue.message).toBe(`expected an integer in -27..27, got ${value}`);
  });

  it('rejects an unknown drift field', () => {
    const issue = firstIssue({ fromSample: 0, shift: 3 });
    expect(issue.path).toBe('stimulus[0].data.drift.shift');
    expect(issue.message).toContain('unknown field');
  });
});
