import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { applyDataOverrides } from './data-overrides';

const SPEC = `name: n
stimulus:
  - population: in
    spikes: [[1, 0]]
  - population: pixels
    # the digits
    data: { dataset: mnist, split: train, samples: 20, presentTicks: 350 }
`;

describe('applyDataOverrides', () => {
  it('sets split and samples of data stimuli', () => {
    const result = parse(applyDataOverrides(SPEC, { split: 'test', samples: 5 })) as {
      stimulus: { data?: { split: string; samples: number } }[];
    };
    expect(result.stimulus[1]?.data).toMatchObject({ split: 'test', samples: 5 });
  });

  it('leaves explicit spike stimuli alone', () => {
    const result = parse(applyDataOverrides(SPEC, { split: 'test', samples: 5 })) as { stimulus: object[] };
    expect(result.stimulus[0]).toEqual({ population: 'in', spikes: [[1, 0]] });
  });

  it('keeps comments', () => {
    expect(applyDataOverrides(SPEC, { split: null, samples: 3 })).toContain('# the digits');
  });

  it('returns the text unchanged without overrides', () => {
    expect(applyDataOverrides(SPEC, { split: null, samples: null })).toBe(SPEC);
  });
});
