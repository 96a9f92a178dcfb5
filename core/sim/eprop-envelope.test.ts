/**
 * e-prop under a safety envelope: the learner writes the envelope's working copy, the envelope
 * commits or refuses it at the end of the tick, and a reported metric below the floor rolls the
 * input and recurrent weights back.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile';
import type { EnvelopeEvent } from '../learning/envelope';
import { createStream } from '../random';
import { parseSpec } from '../spec/parse';
import type { EnvelopeSpec } from '../spec/schema';
import { buildStimuli } from './build-stimuli';
import { Simulator } from './simulator';

type Mode = 'float' | 'fixed';

const TICKS = 200;
const SEED = 6;
const INPUTS = 12;
const NEURONS = 10;
/** Synapses of the dense input and recurrent projections. */
const SYNAPSES = [INPUTS * NEURONS, NEURONS * NEURONS];

interface NetworkOptions {
  mode: Mode;
  envelope?: EnvelopeSpec | undefined;
  updateEveryTicks?: number;
}

/** Builds a small recurrent ALIF network on seeded input spikes, both projections trained by e-prop. */
function networkSpec(options: NetworkOptions) {
  const float = options.mode === 'float';
  const random = createStream(8, 'test/spikes');
  const spikes: [number, number][] = [];
  for (let t = 1; t <= TICKS; t++)
    for (let i = 0; i < INPUTS; i++) if (random.nextFloat() < 0.25) spikes.push([t, i]);
  const vth = float ? 1 : 20;
  const learning = {
    rule: 'eprop',
    learningRate: float ? 1e-3 : 1e-5,
    readoutLearningRate: 1e-3,
    tauOutMs: 20,
    feedback: 'random',
    wMin: float ? -3 : -60,
    wMax: float ? 3 : 60,
    updateEveryTicks: options.updateEveryTicks ?? 10,
    ...(options.envelope === undefined ? {} : { envelope: options.envelope }),
  };
  const inputRange = float ? 1 : 30;
  const recurrentRange = float ? 0.2 : 5;
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'eprop-envelope',
    chip: { mode: options.mode },
    dtMs: 1,
    populations: [
      { name: 'in', size: INPUTS, kind: 'input' },
      {
        name: 'rec',
        size: NEURONS,
        neuron: {
          model: 'alif',
          physical: { tauSynMs: 2, tauMemMs: 20, vth, refractoryMs: 2, tauAdaptMs: 200, adaptInc: vth / 5 },
        },
      },
    ],
    projections: [
      {
        name: 'in-rec',
        from: 'in',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -inputRange / 6, high: inputRange },
        learning,
      },
      {
        name: 'rec-rec',
        from: 'rec',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -recurrentRange, high: recurrentRange },
        learning,
      },
    ],
    stimulus: [{ population: 'in', spikes }],
    readout: { population: 'rec', kind: 'linear', classes: 3 },
  });
}

function create(options: NetworkOptions): Simulator {
  const program = compile(networkSpec(options), { seed: SEED, mode: options.mode });
  const simulator = new Simulator(program, { seed: SEED, stimuli: buildStimuli(program, SEED) });
  simulator.setEpropTarget(1);
  return simulator;
}

/** Envelope of both projections: `every-event`, no window snapshot during the run, no rollback. */
function envelopeOf(overrides: Partial<EnvelopeSpec> = {}): EnvelopeSpec {
  // 1e9 exceeds any mean distance the bounds allow (wMax - wMin is 6 in float, 120 in fixed).
  return { driftBudget: 1e9, windowTicks: 1000, cadence: { kind: 'every-event' }, ...overrides };
}

function weightsOf(simulator: Simulator): number[][] {
  return simulator.weights.map((w) => Array.from(w));
}

function initialWeightsOf(simulator: Simulator): number[][] {
  return simulator.program.projections.map((p) => Array.from(p.weights));
}

/** Runs `ticks` ticks and returns the live weights after each, indexed by tick - 1. */
function weightsPerTick(simulator: Simulator, ticks: number): number[][][] {
  const out: number[][][] = [];
  for (let t = 0; t < ticks; t++) {
    simulator.step();
    out.push(weightsOf(simulator));
  }
  return out;
}

/** Ticks (1-based) at which the live weights differ from those of the tick before. */
function changeTicks(initial: number[][], perTick: number[][][]): number[] {
  const ticks: number[] = [];
  perTick.forEach((weights, k) => {
    const before = k === 0 ? initial : perTick[k - 1]!;
    if (JSON.stringify(weights) !== JSON.stringify(before)) ticks.push(k + 1);
  });
  return ticks;
}

function kindsOf(events: EnvelopeEvent[], kind: EnvelopeEvent['kind']): EnvelopeEvent[] {
  return events.filter((e) => e.kind === kind);
}

const MODES: Mode[] = ['float', 'fixed'];

describe('e-prop envelope: every event', () => {
  for (const mode of MODES) {
    it(`${mode} equals the run without envelope`, () => {
      // With an unlimited budget and no rollback, every tick's working copy becomes live at the
      // end of the same tick, before the next tick delivers spikes. So the run without an
      // envelope, where the learner writes the live weights, must match at every tick.
      const plain = create({ mode });
      const guarded = create({ mode, envelope: envelopeOf() });
      const plainPerTick = weightsPerTick(plain, TICKS);
      const guardedPerTick = weightsPerTick(guarded, TICKS);

      expect(changeTicks(initialWeightsOf(plain), plainPerTick).length).toBeGreaterThan(5);
      expect(guardedPerTick).toEqual(plainPerTick);
      expect(guarded.counters.spikes).toBe(plain.counters.spikes);
      expect(guarded.eprop!.getState()).toEqual(plain.eprop!.getState());
      expect(guarded.drainEvents()).toEqual([]);
    });
  }
});

describe('e-prop envelope: frozen', () => {
  for (const mode of MODES) {
    it(`${mode} keeps the initial weights`, () => {
      const plain = create({ mode });
      plain.run(TICKS);
      const frozen = create({ mode, envelope: envelopeOf() });
      frozen.setPlastic('in-rec', false);
      frozen.setPlastic('rec-rec', false);
      frozen.run(TICKS);

      const initial = initialWeightsOf(frozen);
      expect(weightsOf(plain)[0]).not.toEqual(initial[0]);
      expect(weightsOf(plain)[1]).not.toEqual(initial[1]);
      expect(weightsOf(frozen)).toEqual(initial);

      const events = frozen.drainEvents();
      expect(kindsOf(events, 'plasticity-changed').map((e) => [e.tick, e.projection])).toEqual([
        [0, 'in-rec'],
        [0, 'rec-rec'],
      ]);
      const refused = kindsOf(events, 'refused-update');
      for (const name of ['in-rec', 'rec-rec']) {
        expect(refused.filter((e) => e.projection === name).length).toBeGreaterThan(0);
      }
      // The learner applies its sums every 10 ticks, so refusals can only fall on those ticks.
      for (const event of refused) {
        expect(event.data).toEqual({ reason: 'frozen' });
        expect(event.tick % 10).toBe(0);
      }
    });
  }

  it('setPlastic needs an envelope', () => {
    const plain = create({ mode: 'fixed' });
    expect(() => plain.setPlastic('in-rec', false)).toThrow(
      'projection "in-rec" has no envelope; add learning.envelope to freeze it while running',
    );
  });
});

describe('e-prop envelope: every n ticks', () => {
  const K = 5;

  for (const mode of MODES) {
    it(`${mode} commits on multiples of ${K} only`, () => {
      // The learner applies its sums every 3 ticks, so the run without envelope changes on
      // ticks such as 3 and 6; under the envelope they must wait for the next multiple of K.
      const plain = create({ mode, updateEveryTicks: 3 });
      const guarded = create({
        mode,
        updateEveryTicks: 3,
        envelope: envelopeOf({ cadence: { kind: 'every-n-ticks', n: K } }),
      });
      const plainChanges = changeTicks(initialWeightsOf(plain), weightsPerTick(plain, TICKS));
      const guardedChanges = changeTicks(initialWeightsOf(guarded), weightsPerTick(guarded, TICKS));

      expect(plainChanges.some((t) => t % K !== 0)).toBe(true);
      expect(guardedChanges.length).toBeGreaterThan(5);
      for (const tick of guardedChanges) expect([tick, tick % K]).toEqual([tick, 0]);
    });
  }
});

describe('e-prop envelope: drift budget', () => {
  for (const mode of MODES) {
    it(`${mode} refuses steps above the budget`, () => {
      // Fixed mode: the smallest change, one mantissa step on one synapse, has a mean distance of
      // 1/120 (input) or 1/100 (recurrent), so 1/240 refuses every step. Float mode: 1e-12 is
      // far below a step of learning rate 1e-3 times any gradient this network produces.
      const budget = mode === 'fixed' ? 0.5 / Math.max(...SYNAPSES) : 1e-12;
      const plain = create({ mode });
      plain.run(TICKS);
      const guarded = create({ mode, envelope: envelopeOf({ driftBudget: budget }) });
      guarded.run(TICKS);

      const initial = initialWeightsOf(guarded);
      expect(weightsOf(plain)).not.toEqual(initial);
      expect(weightsOf(guarded)).toEqual(initial);

      const events = guarded.drainEvents();
      expect(events.length).toBeGreaterThan(0);
      expect(kindsOf(events, 'refused-update')).toEqual(events);
      for (const name of ['in-rec', 'rec-rec']) {
        expect(events.filter((e) => e.projection === name).length).toBeGreaterThan(0);
      }
      for (const event of events) {
        expect(event.data['reason']).toBe('drift-budget');
        expect(event.data['budget']).toBe(budget);
      }
    });
  }
});

describe('e-prop envelope: rollback', () => {
  const rollback = { metric: 'reward' as const, floor: 0 };

  for (const mode of MODES) {
    it(`${mode} restores the initial weights`, () => {
      // No reward at or above the floor was ever reported, so the last good snapshot is the
      // weights at creation.
      const simulator = create({ mode, envelope: envelopeOf({ rollback }) });
      simulator.run(100);
      const initial = initialWeightsOf(simulator);
      expect(weightsOf(simulator)[0]).not.toEqual(initial[0]);
      expect(weightsOf(simulator)[1]).not.toEqual(initial[1]);

      simulator.observeMetric('reward', -1);

      expect(weightsOf(simulator)).toEqual(initial);
      expect(simulator.drainEvents()).toEqual(
        ['in-rec', 'rec-rec'].map((projection) => ({
          tick: 100,
          kind: 'rollback',
          projection,
          data: { metric: 'reward', value: -1, floor: 0, restoredFromTick: 0 },
        })),
      );
    });

    it(`${mode} restores the last good weights`, () => {
      const simulator = create({ mode, envelope: envelopeOf({ rollback }) });
      simulator.run(60);
      simulator.observeMetric('reward', 1);
      const good = weightsOf(simulator);
      simulator.run(60);
      expect(weightsOf(simulator)).not.toEqual(good);

      simulator.observeMetric('reward', -0.5);

      expect(weightsOf(simulator)).toEqual(good);
      const events = simulator.drainEvents();
      expect(events.map((e) => [e.tick, e.kind, e.projection, e.data['restoredFromTick']])).toEqual([
        [120, 'rollback', 'in-rec', 60],
        [120, 'rollback', 'rec-rec', 60],
      ]);
    });
  }
});

describe('e-prop envelope: checkpoint', () => {
  for (const mode of MODES) {
    it(`${mode} resumed chunks equal an unbroken run`, () => {
      // Cadence every 7 ticks keeps pending changes in the working copy across the split at
      // tick 93, and the rollback at tick 100 needs the good snapshot taken at tick 60.
      const envelope = envelopeOf({
        cadence: { kind: 'every-n-ticks', n: 7 },
        windowTicks: 30,
        rollback: { metric: 'reward', floor: 0 },
      });
      const whole = create({ mode, envelope });
      whole.run(60);
      whole.observeMetric('reward', 1);
      whole.run(40);
      whole.observeMetric('reward', -1);
      whole.run(TICKS - 100);

      const first = create({ mode, envelope });
      for (let done = 0; done < 60; done += 13) first.run(Math.min(13, 60 - done));
      first.observeMetric('reward', 1);
      first.run(33);
      const resumed = create({ mode, envelope });
      resumed.setEpropTarget(null);
      resumed.restoreState(first.captureState());
      resumed.run(7);
      resumed.observeMetric('reward', -1);
      for (let done = 100; done < TICKS; done += 11) resumed.run(Math.min(11, TICKS - done));

      const events = whole.drainEvents();
      expect(kindsOf(events, 'rollback').length).toBe(2);
      expect(resumed.drainEvents()).toEqual(events.filter((e) => e.tick > 93));
      expect(resumed.captureState()).toEqual(whole.captureState());
    });
  }
});
