import { describe, expect, it } from 'vitest';

import { StateTraces } from './state-traces';

const chunk = (ticks: number[], values: number[][]) => ({
  population: 'out',
  variable: 'v' as const,
  neurons: [0, 1],
  ticks,
  values,
  thinned: false,
});

describe('StateTraces', () => {
  it('appends chunks per neuron', () => {
    const traces = new StateTraces();
    traces.append(
      chunk(
        [1, 2],
        [
          [10, 20],
          [11, 21],
        ],
      ),
    );
    traces.append(chunk([3], [[12, 22]]));

    const [series] = traces.list();

    expect(series?.key).toBe('out.v');
    expect(series?.ticks).toEqual([1, 2, 3]);
    expect(series?.valuesByNeuron).toEqual([
      [10, 11, 12],
      [20, 21, 22],
    ]);
  });

  it('keeps variables apart', () => {
    const traces = new StateTraces();
    traces.append(chunk([1], [[1, 2]]));
    traces.append({ ...chunk([1], [[5, 6]]), variable: 'u' });

    expect(traces.list().map((series) => series.key)).toEqual(['out.v', 'out.u']);
  });

  it('marks a missing value as NaN', () => {
    const traces = new StateTraces();
    traces.append(chunk([1], [[7]]));

    expect(traces.list()[0]?.valuesByNeuron[1]).toEqual([Number.NaN]);
  });
});
