import { describe, expect, it } from 'vitest';
import { EPROP_ROWS_TASK_SETTINGS, EpropRowsTrainer } from './eprop-rows-trainer';
import { epropRowsInputSize, epropRowsSpec, epropRowsTicksPerSample } from './eprop-rows';

describe('eprop-rows template', () => {
  it('digit takes rows then read ticks', () => {
    // 28 rows of 4 ticks, then 20 read ticks.
    expect(epropRowsTicksPerSample({})).toBe(132);
  });

  it('row cue doubles the inputs', () => {
    expect(epropRowsInputSize({ rowCue: true })).toBe(56);
    expect(epropRowsInputSize({})).toBe(28);
  });

  it('spec runs in float mode', () => {
    expect(epropRowsSpec().chip.mode).toBe('float');
  });

  it('short eprop run beats chance', () => {
    // 50 neurons, 1200 training digits, then 200 test digits. Chance is 10%, with a standard
    // deviation of 2.1 points at 200 digits. Training the readout alone (input and recurrent
    // weights frozen) scores 30% with this seed, full e-prop 70.5%. The bound of 50% is 19
    // deviations above chance, 6 above the readout alone (3.2 points at 30%) and 6 below full
    // e-prop (3.2 points at 70%).
    const trainer = new EpropRowsTrainer({ ...EPROP_ROWS_TASK_SETTINGS, neurons: 50, trainSamples: 1200 }, 5);
    trainer.train(1200);
    expect(trainer.evaluate('test', 200)).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it('decay factor 0 stops learning', () => {
    // A factor of 0 after every digit leaves the first digit's step as the only one.
    const trainer = new EpropRowsTrainer(
      {
        ...EPROP_ROWS_TASK_SETTINGS,
        neurons: 10,
        trainSamples: 3,
        learningRateDecayEvery: 1,
        learningRateDecayFactor: 0,
      },
      1,
    );
    const weights = trainer.program.projections[0]!.weights;
    const initial = Array.from(weights);
    trainer.train(1);
    const afterFirst = Array.from(weights);
    trainer.train(2);

    expect(afterFirst).not.toEqual(initial);
    expect(Array.from(weights)).toEqual(afterFirst);
    expect(trainer.learningRateDecay()).toBe(0);
  });

  it('decay halves the step per period', () => {
    const trainer = new EpropRowsTrainer(
      {
        ...EPROP_ROWS_TASK_SETTINGS,
        neurons: 10,
        trainSamples: 5,
        learningRateDecayEvery: 2,
        learningRateDecayFactor: 0.5,
      },
      1,
    );
    trainer.train(5);
    // Digits 0-1 step at 1, 2-3 at 0.5, 4 at 0.25; the sixth would be at 0.25.
    expect(trainer.learningRateDecay()).toBe(0.25);
    expect(trainer.digitsRun).toBe(5);
  });

  it('repeats run each digit again', () => {
    const trainer = new EpropRowsTrainer({ ...EPROP_ROWS_TASK_SETTINGS, neurons: 10, trainSamples: 1 }, 1);
    trainer.evaluate('test', 3, undefined, 4);
    expect(trainer.digitsRun).toBe(12);
  });

  it('repeats below 1 are rejected', () => {
    const trainer = new EpropRowsTrainer({ ...EPROP_ROWS_TASK_SETTINGS, neurons: 10, trainSamples: 1 }, 1);
    expect(() => trainer.evaluate('test', 3, undefined, 0)).toThrow(/repeats: .* got 0/);
  });

  it('transform changes what the network sees', () => {
    const settings = { ...EPROP_ROWS_TASK_SETTINGS, neurons: 10, trainSamples: 1 };
    const plain = new EpropRowsTrainer(settings, 1);
    const blank = new EpropRowsTrainer(settings, 1);
    blank.transform = (pixels) => new Float32Array(pixels.length);
    plain.train(1);
    blank.train(1);

    // A blank image makes no column spikes, so only the row cues reach the network.
    expect(blank.synapticOps).toBeLessThan(plain.synapticOps);
  });
});
