import { describe, expect, it } from 'vitest';
import { createStream } from '../random';
import type { EnvelopeSpec } from '../spec/schema';
import { ProjectionEnvelope } from './envelope';
import { createPlasticityRule } from './rules';
import { denseView, runSchedule, stdpSpec } from './test-support';

function envelopeSpec(overrides: Partial<EnvelopeSpec> = {}): EnvelopeSpec {
  return { driftBudget: 0.1, windowTicks: 100, cadence: { kind: 'every-event' }, ...overrides };
}

function setUp(overrides: Partial<EnvelopeSpec> = {}, initial = [0, 0, 0, 0]) {
  const live = Float64Array.from(initial);
  return { live, envelope: new ProjectionEnvelope('in-out', envelopeSpec(overrides), live) };
}

describe('envelope drift budget', () => {
  it('commits an update within budget', () => {
    const { live, envelope } = setUp();
    envelope.working[0] = 0.3; // mean distance 0.075
    expect(envelope.endTick(1)).toEqual([]);
    expect(Array.from(live)).toEqual([0.3, 0, 0, 0]);
  });

  it('refuses an update beyond budget', () => {
    const { live, envelope } = setUp();
    envelope.working[0] = 0.5; // mean distance 0.125
    const events = envelope.endTick(7);
    expect(events).toEqual([
      {
        tick: 7,
        kind: 'refused-update',
        projection: 'in-out',
        data: { reason: 'drift-budget', distance: 0.125, budget: 0.1, windowStartTick: 0 },
      },
    ]);
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
  });

  it('reverts the refused working copy', () => {
    const { envelope } = setUp();
    envelope.working[0] = 0.5;
    envelope.endTick(1);
    expect(Array.from(envelope.working)).toEqual([0, 0, 0, 0]);
  });

  it('budget counts drift across ticks', () => {
    const { live, envelope } = setUp();
    envelope.working[0] = 0.3;
    envelope.endTick(1);
    envelope.working[1] = -0.2; // total (0.3 + 0.2) / 4 = 0.125
    expect(envelope.endTick(2)[0]!.kind).toBe('refused-update');
    expect(Array.from(live)).toEqual([0.3, 0, 0, 0]);
  });

  it('window end accepts a new snapshot', () => {
    const { live, envelope } = setUp({ windowTicks: 10 });
    envelope.working[0] = 0.3;
    envelope.endTick(10);
    envelope.working[1] = 0.3; // 0.075 from the snapshot taken at tick 10
    expect(envelope.endTick(11)).toEqual([]);
    expect(Array.from(live)).toEqual([0.3, 0.3, 0, 0]);
  });

  it('measures fixed drift in mantissas', () => {
    const live = Int8Array.from([10, 10]);
    const envelope = new ProjectionEnvelope('p', envelopeSpec({ driftBudget: 1 }), live);
    envelope.working[0] = 13; // mean 1.5 mantissas
    expect(envelope.endTick(1)[0]!.data['distance']).toBe(1.5);
    expect(Array.from(live)).toEqual([10, 10]);
  });
});

describe('envelope cadence', () => {
  it('every N ticks accumulates', () => {
    const { live, envelope } = setUp({ cadence: { kind: 'every-n-ticks', n: 3 } });
    envelope.working[0] = 0.1;
    envelope.endTick(1);
    envelope.working[1] = 0.1;
    envelope.endTick(2);
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
    envelope.endTick(3);
    expect(Array.from(live)).toEqual([0.1, 0.1, 0, 0]);
  });

  it('confidence cadence drops updates when confident', () => {
    const { live, envelope } = setUp({ cadence: { kind: 'on-confidence-drop', floor: 0.6 } });
    envelope.observe(1, 'confidence', 0.8);
    envelope.working[0] = 0.1;
    envelope.endTick(1);
    expect(Array.from(live)).toEqual([0, 0, 0, 0]);
    expect(envelope.working[0]).toBe(0);
  });

  it('confidence cadence drops before any report', () => {
    const { live, envelope } = setUp({ cadence: { kind: 'on-confidence-drop', floor: 0.6 } });
    envelope.working[0] = 0.1;
    envelope.endTick(1);
    expect(live[0]).toBe(0);
  });

  it('confidence cadence commits below floor', () => {
    const { live, envelope } = setUp({ cadence: { kind: 'on-confidence-drop', floor: 0.6 } });
    envelope.observe(1, 'confidence', 0.4);
    envelope.working[0] = 0.1;
    envelope.endTick(1);
    expect(live[0]).toBe(0.1);
  });

  it('frozen projection drops updates', () => {
    const { live, envelope } = setUp();
    expect(envelope.setPlastic(3, false)).toEqual({
      tick: 3,
      kind: 'plasticity-changed',
      projection: 'in-out',
      data: { plastic: false },
    });
    envelope.working[0] = 0.1;
    expect(envelope.endTick(4)[0]!.data).toEqual({ reason: 'frozen' });
    expect(live[0]).toBe(0);
  });
});

describe('envelope rollback', () => {
  const rollback = { rollback: { metric: 'accuracy' as const, floor: 0.5 } };

  it('restores the last good snapshot', () => {
    const { live, envelope } = setUp({ ...rollback, driftBudget: 1 });
    envelope.working[0] = 0.2;
    envelope.endTick(1);
    envelope.observe(5, 'accuracy', 0.9);
    envelope.working[1] = 0.7;
    envelope.endTick(6);

    const events = envelope.observe(20, 'accuracy', 0.3);
    expect(events).toEqual([
      {
        tick: 20,
        kind: 'rollback',
        projection: 'in-out',
        data: { metric: 'accuracy', value: 0.3, floor: 0.5, restoredFromTick: 5 },
      },
    ]);
    expect(Array.from(live)).toEqual([0.2, 0, 0, 0]);
    expect(Array.from(envelope.working)).toEqual([0.2, 0, 0, 0]);
  });

  it('initial weights are the first snapshot', () => {
    const { live, envelope } = setUp(rollback, [1, 2, 3, 4]);
    envelope.working[0] = 1.2;
    envelope.endTick(1);
    expect(envelope.observe(2, 'accuracy', 0.1)[0]!.data['restoredFromTick']).toBe(0);
    expect(Array.from(live)).toEqual([1, 2, 3, 4]);
  });

  it('skips rollback when nothing changed', () => {
    const { envelope } = setUp(rollback);
    expect(envelope.observe(2, 'accuracy', 0.1)).toEqual([]);
  });

  it('ignores other metrics', () => {
    const { envelope } = setUp(rollback);
    envelope.working[0] = 0.2;
    envelope.endTick(1);
    expect(envelope.observe(2, 'reward', -5)).toEqual([]);
  });
});

describe('envelope with a rule', () => {
  it('STDP waits for the cadence', () => {
    const learning = stdpSpec({ aPlus: 0.05, wMin: 0, wMax: 1 });
    const view = denseView('float', 1, 1, [0.5], learning);
    const live = view.weights;
    const envelope = new ProjectionEnvelope(
      'p',
      envelopeSpec({ cadence: { kind: 'every-n-ticks', n: 4 } }),
      live,
    );
    const rule = createPlasticityRule({ ...view, weights: envelope.working }, createStream(1, 'learning'));

    for (let t = 1; t <= 4; t++) {
      runSchedule(rule, view, { ticks: 1, pre: [[2, 0]], post: [[2, 0]] }, t);
      envelope.endTick(t);
      if (t < 4) expect(live[0]).toBe(0.5);
    }
    expect(live[0]).toBeCloseTo(0.55, 15);
  });

  it('restored state continues alike', () => {
    const first = setUp({ cadence: { kind: 'every-n-ticks', n: 5 } });
    first.envelope.working[0] = 0.1;
    first.envelope.endTick(1);
    const second = setUp({ cadence: { kind: 'every-n-ticks', n: 5 } });
    second.envelope.setState(first.envelope.getState());
    second.envelope.endTick(5);
    expect(Array.from(second.live)).toEqual([0.1, 0, 0, 0]);
  });
});
