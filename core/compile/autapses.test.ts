import { describe, expect, it } from 'vitest';

import { Simulator } from '../sim/simulator';
import { buildStimuli } from '../sim/build-stimuli';
import { parseSpec } from '../spec/parse';
import { changed, pairDemoInput, specErrorOf } from '../spec/test-support';
import { compile } from './compile';

/** Builds the pair example plus a lateral projection `out -> out` over 3 output neurons. */
function lateral(connectivity: unknown, weights: unknown): Record<string, unknown> {
  const input = changed(
    pairDemoInput(),
    [['populations', 1, 'size'], 3],
    [['projections', 0, 'weights'], { init: 'constant', value: 9 }],
    [['projections', 0, 'learning'], undefined],
  );
  (input.projections as unknown[]).push({
    name: 'out-out',
    from: 'out',
    to: 'out',
    connectivity,
    weights,
    wExp: 0,
    delay: 0,
  });
  return input;
}

function lateralCsr(connectivity: unknown, weights: unknown) {
  const projection = compile(parseSpec(lateral(connectivity, weights)), { seed: 0 }).projections[1]!;
  return {
    rowPtr: Array.from(projection.rowPtr),
    post: Array.from(projection.post),
    weights: Array.from(projection.weights),
  };
}

describe('dense without autapses', () => {
  it('leaves out the diagonal of 3 x 3', () => {
    expect(lateralCsr({ kind: 'dense', autapses: false }, { init: 'constant', value: -4 })).toEqual({
      rowPtr: [0, 2, 4, 6],
      post: [1, 2, 0, 2, 0, 1],
      weights: [-4, -4, -4, -4, -4, -4],
    });
  });

  it('reads matrix values off the diagonal', () => {
    const values = [
      [0, 1, 2],
      [3, 0, 4],
      [5, 6, 0],
    ];
    expect(lateralCsr({ kind: 'dense', autapses: false }, { values }).weights).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the diagonal when autapses is true', () => {
    expect(lateralCsr({ kind: 'dense', autapses: true }, { init: 'constant', value: 1 }).post).toEqual([
      0, 1, 2, 0, 1, 2, 0, 1, 2,
    ]);
  });

  it('runs like the equivalent pair list', () => {
    const pairs = [
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 2],
      [2, 0],
      [2, 1],
    ];
    const spikesOf = (connectivity: unknown) => {
      const program = compile(parseSpec(lateral(connectivity, { init: 'constant', value: -3 })), { seed: 5 });
      const simulator = new Simulator(program, { seed: 5, stimuli: buildStimuli(program, 5) });
      simulator.run(200);
      return Array.from(simulator.spikeTotals);
    };
    const dense = spikesOf({ kind: 'dense', autapses: false });
    expect(dense[1]).toBeGreaterThan(0);
    expect(dense).toEqual(spikesOf({ kind: 'list', pairs }));
  });

  it('rejects it between two populations', () => {
    const input = changed(pairDemoInput(), [
      ['projections', 0, 'connectivity'],
      { kind: 'dense', autapses: false },
    ]);
    const issue = specErrorOf(() => parseSpec(input)).issues[0]!;
    expect(issue.path).toBe('projections[0].connectivity.autapses');
    expect(issue.message).toContain('from "in" to "out"');
  });

  it('rejects a weight on the diagonal', () => {
    const values = [
      [0, 1, 2],
      [3, 7, 4],
      [5, 6, 0],
    ];
    const error = specErrorOf(() => parseSpec(lateral({ kind: 'dense', autapses: false }, { values })));
    expect(error.issues[0]!.path).toBe('projections[1].weights.values[1][1]');
    expect(error.issues[0]!.message).toContain('expected 0 on the diagonal');
  });
});
