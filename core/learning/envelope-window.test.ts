/**
 * The envelope's plasticity window, `plasticUntilTick`: updates of ticks up to it are committed,
 * later ones are refused, and no rollback changes the weights after it.
 */
import { describe, expect, it } from 'vitest';

import { RunSession } from '../session/run-session';
import { parseSpec } from '../spec/parse';
import type { EnvelopeSpec } from '../spec/schema';
import { ProjectionEnvelope } from './envelope';

function setUp(overrides: Partial<EnvelopeSpec> = {}) {
  const live = new Float64Array(4);
  const spec: EnvelopeSpec = {
    driftBudget: 1,
    windowTicks: 100,
    cadence: { kind: 'every-event' },
    plasticUntilTick: 5,
    ...overrides,
  };
  return { live, envelope: new ProjectionEnvelope('in-out', spec, live) };
}

describe('envelope plasticity window', () => {
  it('commits up to the last tick', () => {
    const { live, envelope } = setUp();
    envelope.working[0] = 0.3;
    expect(envelope.endTick(5)).toEqual([]);
    expect(Array.from(live)).toEqual([0.3, 0, 0, 0]);
  });

  it('refuses the next tick', () => {
    const { live, envelope } = setUp();
    envelope.working[1] = 0.3;
    expect(envelope.endTick(6)).toEqual([
      {
        tick: 6,
        kind: 'plasticity-changed',
        projection: 'in-out',
        data: { plastic: false, reason: 'plasticUntilTick' },
      },
      {
        tick: 6,
        kind: 'refused-update',
        projection: 'in-out',
        data: { reason: 'plasticity-window', plasticUntilTick: 5, windowStartTick: 0 },
      },
    ]);
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
    expect(Array.from(envelope.working)).toEqual([0, 0, 0, 0]);
  });

  it('records one refusal per window', () => {
    const { envelope } = setUp();
    envelope.endTick(6);
    envelope.working[0] = 0.1;
    expect(envelope.endTick(7).map((event) => event.kind)).toEqual(['refused-update']);
    envelope.working[0] = 0.1;
    expect(envelope.endTick(8)).toEqual([]);
    envelope.endTick(100); // the window of ticks 101..200 starts
    envelope.working[0] = 0.1;
    expect(envelope.endTick(150)[0]!.data['windowStartTick']).toBe(100);
  });

  it('stays closed after setPlastic(true)', () => {
    const { live, envelope } = setUp();
    envelope.setPlastic(3, false);
    envelope.setPlastic(4, true);
    envelope.working[0] = 0.3;
    envelope.endTick(9);
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
  });

  it('skips rollback after the window', () => {
    const { live, envelope } = setUp({ rollback: { metric: 'reward', floor: 0.5 } });
    envelope.working[0] = 0.3;
    envelope.endTick(2); // committed; the initial zeros stay the last good weights
    expect(envelope.observe(7, 'reward', 0)).toEqual([]);
    expect(Array.from(live)).toEqual([0.3, 0, 0, 0]);
  });

  it('rolls back inside the window', () => {
    const { live, envelope } = setUp({ rollback: { metric: 'reward', floor: 0.5 } });
    envelope.working[0] = 0.3;
    envelope.endTick(2);
    expect(envelope.observe(4, 'reward', 0)[0]!.kind).toBe('rollback');
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
  });

  it('rejects a negative tick', () => {
    expect(() => setUp({ plasticUntilTick: -1 })).toThrow(
      'in-out.envelope.plasticUntilTick: expected an integer >= 0, got -1',
    );
  });

  it('parse rejects a fractional tick', () => {
    expect(() => parseSpec(pairingSpec(10.5))).toThrow(/plasticUntilTick.*expected an integer in 0\.\./);
  });
});

/**
 * Returns a spec of one pre input and one teacher input into one neuron, float mode. The pre spikes at 1 and 11
 * (arriving at 2 and 12), and the teacher makes the neuron spike at 4 and 14. With aMinus 0 each
 * pairing adds aPlus * exp(-2 / 20) to the weight.
 */
function pairingSpec(plasticUntilTick: number | undefined) {
  return {
    apiVersion: 'livenet/v1',
    name: 'window',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'pre', size: 1, kind: 'input' },
      { name: 'teacher', size: 1, kind: 'input' },
      { name: 'post', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 4095, vth: 1 } } },
    ],
    projections: [
      {
        name: 'plastic',
        from: 'pre',
        to: 'post',
        connectivity: { kind: 'dense' },
        weights: { values: [[0.5]] },
        learning: {
          rule: 'stdp',
          aPlus: 0.1,
          aMinus: 0,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: 1,
          envelope: { driftBudget: 1, windowTicks: 1000, plasticUntilTick },
        },
      },
      {
        name: 'drive',
        from: 'teacher',
        to: 'post',
        connectivity: { kind: 'dense' },
        weights: { values: [[2]] },
      },
    ],
    stimulus: [
      {
        population: 'pre',
        spikes: [
          [1, 0],
          [11, 0],
        ],
      },
      {
        population: 'teacher',
        spikes: [
          [3, 0],
          [13, 0],
        ],
      },
    ],
    record: { spikes: ['post'] },
  };
}

describe('plasticity window in a run', () => {
  const pairing = 0.1 * Math.exp(-2 / 20);

  function run(plasticUntilTick: number | undefined) {
    const session = RunSession.create(parseSpec(pairingSpec(plasticUntilTick)), { seed: 1, ticks: 20 });
    const first = session.advance(10);
    const afterTen = session.simulator.weights[0]![0]!;
    const second = session.advance(10);
    return {
      afterTen,
      final: session.simulator.weights[0]![0]!,
      events: [...first.events, ...second.events],
    };
  }

  it('learns before the window closes', () => {
    expect(run(10).afterTen).toBeCloseTo(0.5 + pairing, 12);
  });

  it('keeps weights after tick 10', () => {
    const { afterTen, final } = run(10);
    expect(final).toBe(afterTen);
  });

  it('records the refused pairing', () => {
    const kinds = run(10).events.map((event) => [event.tick, event.kind]);
    expect(kinds).toEqual([
      [11, 'plasticity-changed'],
      [14, 'refused-update'],
    ]);
  });

  it('learns on without a window', () => {
    // Traces add up: at tick 14 the pre trace is exp(-12 / 20) + exp(-2 / 20).
    const second = 0.1 * (Math.exp(-12 / 20) + Math.exp(-2 / 20));
    expect(run(undefined).final).toBeCloseTo(0.5 + pairing + second, 12);
  });
});
