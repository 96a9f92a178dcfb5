/**
 * Learning inside the tick loop: pre events are taken at arrival (emission + 1 + delay), and
 * bounded weights are clamped before the next spike uses them.
 */
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parse';
import { simulate } from '../run/simulate';
import { RunSession } from '../session/run-session';

function pairingSpec(options: {
  w0: number;
  preTick: number;
  delay: number;
  postTick: number;
  aPlus: number;
  wMax: number;
}) {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'pairing',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'pre', size: 1, kind: 'input' },
      { name: 'teacher', size: 1, kind: 'input' },
      // Threshold 1 * 64 (strict): a weight of 2 fires the neuron, a weight below 1 does not.
      { name: 'post', size: 1, neuron: { model: 'lif', registers: { du: 4095, dv: 4095, vth: 1 } } },
    ],
    projections: [
      {
        name: 'plastic',
        from: 'pre',
        to: 'post',
        connectivity: { kind: 'dense' },
        weights: { values: [[options.w0]] },
        delay: options.delay,
        learning: {
          rule: 'stdp',
          aPlus: options.aPlus,
          aMinus: 0,
          tauPreMs: 20,
          tauPostMs: 20,
          wMin: 0,
          wMax: options.wMax,
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
      { population: 'pre', spikes: [[options.preTick, 0]] },
      { population: 'teacher', spikes: [[options.postTick - 1, 0]] },
    ],
    record: { spikes: ['post'], state: [{ population: 'post', vars: ['u'] }] },
  });
}

describe('STDP in the tick loop', () => {
  it('pairs the pre event at its arrival tick', () => {
    // Pre emitted at 5 with delay 3 arrives at 9; the teacher makes post spike at 12.
    // LTP = aPlus * exp(-(12 - 9) / 20) = 0.1 * 0.8607080 = 0.0860708.
    const result = simulate(
      pairingSpec({ w0: 0.5, preTick: 5, delay: 3, postTick: 12, aPlus: 0.1, wMax: 1 }),
      {
        ticks: 15,
        seed: 1,
      },
    );
    expect(result.spikes['post']).toEqual([[12, 0]]);
    expect(result.weights['plastic']![0]![0]).toBeCloseTo(0.5 + 0.1 * Math.exp(-3 / 20), 12);
  });

  it('clamps to wMax before the next spike uses the weight', () => {
    // Pre arrives at 3 and the teacher makes post spike at 3 too: pre events come first, so the
    // pre trace is 1 when LTP reads it. 0.98 + 0.05 is clamped to wMax = 1.0.
    const spec = pairingSpec({ w0: 0.98, preTick: 2, delay: 0, postTick: 3, aPlus: 0.05, wMax: 1 });
    spec.stimulus[0]!.spikes = [
      [2, 0],
      [10, 0],
    ];
    const result = simulate(spec, { ticks: 12, seed: 1 });
    expect(result.weights['plastic']![0]![0]).toBe(1);

    // The pre spike emitted at 10 arrives at 11 and delivers 1.0 * 64 to u, not 1.03 * 64.
    const u = result.state[0]!.values.map((row) => row[0]);
    expect(u[10]).toBe(64);
  });
});

describe('safety envelope in a run', () => {
  function envelopedSpec(driftBudget: number) {
    const spec = pairingSpec({ w0: 0.5, preTick: 2, delay: 0, postTick: 3, aPlus: 0.05, wMax: 1 });
    const learning = spec.projections[0]!.learning!;
    learning.envelope = { driftBudget, windowTicks: 100, cadence: { kind: 'every-event' } };
    return spec;
  }

  it('refuses an update beyond the drift budget and logs it', () => {
    // The pairing at tick 3 moves the single weight by 0.05, above a budget of 0.01 per synapse.
    const session = RunSession.create(envelopedSpec(0.01), { seed: 1, ticks: 10 });
    const report = session.advance(10);
    expect(Array.from(session.simulator.weights[0]!)).toEqual([0.5]);
    expect(report.events.map((e) => [e.tick, e.kind])).toEqual([[3, 'refused-update']]);
  });

  it('commits an update within the budget', () => {
    const session = RunSession.create(envelopedSpec(0.1), { seed: 1, ticks: 10 });
    const report = session.advance(10);
    expect(session.simulator.weights[0]![0]).toBeCloseTo(0.55, 12);
    expect(report.events).toEqual([]);
  });
});

describe('weight recording', () => {
  it('samples plastic weights every N ticks', () => {
    // The pairing at tick 12 moves the weight from 0.5 to 0.5 + 0.1 exp(-3/20); samples every 5 ticks.
    const spec = pairingSpec({ w0: 0.5, preTick: 5, delay: 3, postTick: 12, aPlus: 0.1, wMax: 1 });
    spec.record.weights = { every: 5 };
    const result = simulate(spec, { ticks: 15, seed: 1 });

    expect(result.weightHistory.map((h) => [h.tick, h.projection])).toEqual([
      [5, 'plastic'],
      [10, 'plastic'],
      [15, 'plastic'],
    ]);
    expect(result.weightHistory[1]!.weights).toEqual([[0.5]]);
    expect(result.weightHistory[2]!.weights[0]![0]).toBeCloseTo(0.5 + 0.1 * Math.exp(-3 / 20), 12);
  });
});
