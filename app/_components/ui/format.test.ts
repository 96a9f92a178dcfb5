import { describe, expect, it } from 'vitest';

import { formatDuration, formatRelative } from './format';

describe('formatRelative', () => {
  const now = new Date('2026-01-10T12:00:00Z');

  it('says minutes for a recent time', () => {
    expect(formatRelative(new Date('2026-01-10T11:57:00Z'), now)).toBe('3 minutes ago');
  });

  it('says yesterday for one day back', () => {
    expect(formatRelative(new Date('2026-01-09T12:00:00Z'), now)).toBe('yesterday');
  });
});

describe('formatDuration', () => {
  it('pads minutes under an hour', () => {
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });

  it('shows seconds under a minute', () => {
    expect(formatDuration(12.4)).toBe('12 s');
  });

  it('returns a dash for negative input', () => {
    expect(formatDuration(-1)).toBe('–');
  });
});
