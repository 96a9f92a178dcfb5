/**
 * The linear readout score: hand-worked sums and predictions, the read window of the run tracker
 * (rest ticks only), which readout a spec's `kind` selects, and identity across chunk sizes and a
 * restore in fixed and float mode.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../compile/compile';
import { parseSpec } from '../spec/parse';
import { buildStimuli } from '../sim/build-stimuli';
import { DataStimulus } from '../sim/data-stimulus';
import { decodeSafetensors } from '../snapshot/safetensors';
import { LinearReadout } from './linear-readout';
import { RunSession } from './run-session';
import { RunTracker } from './tracker';

const PRESENT = 3;
const REST = 2;
const PERIOD = PRESENT + REST;

describe('LinearReadout', () => {
  it('predicts the class of the largest summed output', () => {
    const readout = new LinearReadout(3);
    // Sums 0.1 + 0.3 = 0.4, 0.5 + 0.1 = 0.6, 0.2 + 0.2 = 0.4: class 1, though class 0 led at the last tick.
    readout.observe([0.1, 0.5, 0.2]);
    readout.observe([0.3, 0.1, 0.2]);
    expect(readout.predict()).toBe(1);
    expect(readout.endPresentation(1)).toBe(true);

    // The sums start again at 0: -1 + 2 = 1 for class 2 against 0.5 for class 0.
    readout.observe([0.5, -3, -1]);
    readout.observe([0, 0, 2]);
    expect(readout.endPresentation(0)).toBe(false);
    expect(readout.recentAccuracy()).toBe(0.5);
    expect([readout.correct, readout.total]).toEqual([1, 2]);
  });

  it('breaks a tie toward the lowest class', () => {
    const readout = new LinearReadout(3);
    readout.observe([1, 2, 2]);
    expect(readout.predict()).toBe(1);
    expect(readout.endPresentation(2)).toBe(false);
    // No read tick at all: every sum is 0 and class 0 wins.
    expect(readout.endPresentation(0)).toBe(true);
  });

  it('keeps a bounded window of recent scores', () => {
    const readout = new LinearReadout(2, 2);
    expect(readout.recentAccuracy()).toBeNull();
    for (const label of [0, 1, 1]) {
      readout.observe([1, 0]);
      readout.endPresentation(label);
    }
    // Window of 2: a miss then a miss after the first hit.
    expect(readout.recentAccuracy()).toBe(0);
    expect(readout.correct).toBe(1);
  });

  it('names the missing state', () => {
    expect(() => new LinearReadout(2).setState({})).toThrow(/linear readout state/);
  });
});

/** Builds a tiny network: digit rows (2 ticks a row) into 6 ALIF neurons, with e-prop or no learning. */
function tinySpec(options: { mode: 'fixed' | 'float'; kind: 'vote' | 'linear'; eprop: boolean }) {
  const float = options.mode === 'float';
  const vth = float ? 1 : 20;
  const learning = options.eprop
    ? {
        rule: 'eprop',
        learningRate: float ? 0.01 : 3e-6,
        ...(float ? {} : { readoutLearningRate: 1e-3 }),
        resetEachSample: true,
        tauOutMs: 20,
        feedback: 'symmetric',
        wMin: float ? -8 : -127,
        wMax: float ? 8 : 127,
        updateEveryTicks: 28 * 2 + 4,
      }
    : undefined;
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'linear-readout',
    chip: { profile: 'loihi2-like', mode: options.mode },
    dtMs: 1,
    populations: [
      { name: 'rows', size: 56, kind: 'input' },
      {
        name: 'rec',
        size: 6,
        neuron: {
          model: 'alif',
          physical: { tauSynMs: 2, tauMemMs: 20, vth, refractoryMs: 2, tauAdaptMs: 200, adaptInc: vth / 5 },
        },
      },
    ],
    projections: [
      {
        name: 'rows-rec',
        from: 'rows',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: float ? -1 : -20, high: float ? 1 : 20 },
        ...(learning === undefined ? {} : { learning }),
      },
    ],
    stimulus: [
      {
        population: 'rows',
        encoder: { kind: 'rows', ticksPerRow: 2, rowCue: true },
        data: { dataset: 'mnist', split: 'train', samples: 4, presentTicks: 28 * 2, restTicks: 4 },
      },
    ],
    readout: { population: 'rec', kind: options.kind, classes: 10 },
  });
}

/** Builds a network without projections, fed by digits of 3 present ticks and `restTicks` rest ticks. */
function scriptedSpec(restTicks: number) {
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'scripted',
    chip: { mode: 'float' },
    dtMs: 1,
    populations: [
      { name: 'in', size: 784, kind: 'input' },
      { name: 'out', size: 2, neuron: { model: 'lif', physical: { tauSynMs: 2, tauMemMs: 20, vth: 1 } } },
    ],
    projections: [],
    stimulus: [
      {
        population: 'in',
        encoder: { kind: 'poisson', maxRateHz: 100 },
        data: { dataset: 'mnist', split: 'train', samples: 2, presentTicks: PRESENT, restTicks },
      },
    ],
    readout: { population: 'out', kind: 'linear', classes: 10 },
  });
}

describe('RunTracker with a linear readout', () => {
  it('scores the outputs of the rest ticks only', () => {
    // Scripted outputs: on present ticks class 9 is far ahead. On the rest ticks of sample 0 the
    // label leads, and on those of sample 1 the class after the label. Only the rest ticks count,
    // so sample 0 is right and sample 1 wrong, giving accuracy 1 after one sample and 1/2 after two.
    const program = compile(scriptedSpec(REST), { seed: 3 });
    const stimuli = buildStimuli(program, 3);
    const data = stimuli.find((s): s is DataStimulus => s instanceof DataStimulus)!;
    let outputs = new Float64Array(10);
    const tracker = new RunTracker(program, stimuli, () => outputs);
    expect(tracker.accuracyKind).toBe('linear');

    const spiked = new Uint8Array(786);
    const accuracies: (number | null)[] = [];
    for (let tick = 1; tick <= 2 * PERIOD; tick++) {
      const sample = Math.floor((tick - 1) / PERIOD);
      const step = (tick - 1) % PERIOD;
      const label = data.labelOfSample(sample);
      outputs = new Float64Array(10);
      if (step < PRESENT) outputs[9] = 100;
      else outputs[(label + sample) % 10] = 1;
      tracker.afterTick(tick, spiked);
      if (step === PERIOD - 1) accuracies.push(tracker.accuracy());
    }
    expect(data.labelOfSample(0)).not.toBe(9);
    expect(accuracies).toEqual([1, 0.5]);
    expect(tracker.samplesDone).toBe(2);
  });
});

describe('RunTracker without rest ticks', () => {
  it('reads the whole period', () => {
    // The label gets 3 on the first tick, another class 1 on each of the other two: 3 against 2
    // over the period, so the sample is right, though the last two ticks alone would be wrong.
    const program = compile(scriptedSpec(0), { seed: 3 });
    const stimuli = buildStimuli(program, 3);
    const data = stimuli.find((s): s is DataStimulus => s instanceof DataStimulus)!;
    const label = data.labelOfSample(0);
    let outputs = new Float64Array(10);
    const tracker = new RunTracker(program, stimuli, () => outputs);
    for (let tick = 1; tick <= PRESENT; tick++) {
      outputs = new Float64Array(10);
      if (tick === 1) outputs[label] = 3;
      else outputs[(label + 1) % 10] = 1;
      tracker.afterTick(tick, new Uint8Array(786));
    }
    // Class 0 would also win if nothing were read, so the label must differ from it.
    expect(label).not.toBe(0);
    expect(tracker.samplesDone).toBe(1);
    expect(tracker.accuracy()).toBe(1);
  });
});

describe('readout kind', () => {
  for (const [kind, eprop, expected] of [
    ['linear', true, 'linear'],
    ['vote', true, 'vote'],
    ['linear', false, 'vote'],
  ] as const) {
    it(`kind ${kind} ${eprop ? 'with' : 'without'} e-prop scores the ${expected} readout`, () => {
      const session = RunSession.create(tinySpec({ mode: 'float', kind, eprop }), { seed: 2 });
      expect(session.accuracyKind).toBe(expected);
      expect(session.summary()['accuracyKind']).toBe(expected);
    });
  }
});

describe('linear readout across chunks and a restore', () => {
  for (const mode of ['float', 'fixed'] as const) {
    it(`${mode} accuracy ignores chunks and restore`, () => {
      const spec = tinySpec({ mode, kind: 'linear', eprop: true });
      const period = 28 * 2 + 4;
      const trackerState = (session: RunSession) =>
        Object.entries(decodeSafetensors(session.checkpoint()).tensors)
          .filter(([name]) => name.startsWith('tracker.'))
          .map(([name, tensor]) => [name, Array.from(tensor.data)]);

      // Accuracy at every sample boundary of an uncut run.
      const whole = RunSession.create(spec, { seed: 5 });
      const series: (number | null)[] = [];
      while (!whole.done) series.push(whole.advance(period).accuracy);
      expect(series.every((a) => a !== null)).toBe(true);

      // Cut into chunks of 7 ticks, each report carries the accuracy of the samples completed by then.
      const chunked = RunSession.create(spec, { seed: 5 });
      while (!chunked.done) {
        const report = chunked.advance(7);
        const completed = Math.floor(report.tick / period);
        expect([report.tick, report.accuracy]).toEqual([
          report.tick,
          completed === 0 ? null : series[completed - 1],
        ]);
      }
      expect(trackerState(chunked)).toEqual(trackerState(whole));

      // Stopped inside the rest ticks of the second sample, with partial sums to carry over.
      const first = RunSession.create(spec, { seed: 5 });
      first.advance(2 * period - 2);
      const sums = decodeSafetensors(first.checkpoint()).tensors['tracker.readout.sums']!.data;
      expect(Array.from(sums).some((x) => x !== 0)).toBe(true);
      const resumed = RunSession.resume(spec, first.checkpoint());
      const resumedSeries = [resumed.advance(2).accuracy];
      while (!resumed.done) resumedSeries.push(resumed.advance(period).accuracy);
      expect(resumedSeries).toEqual(series.slice(1));
      expect(trackerState(resumed)).toEqual(trackerState(whole));
    });
  }
});
