/**
 * A fixed-mode row-sequence e-prop run through the simulator, shared by the test of
 * `./eprop-sim.test.ts`: the spec, the row stimulus, and the train-then-score loop.
 */
import { compile } from '../compile/compile';
import { label, sampleOrder } from '../data/mnist';
import { parseSpec } from '../spec/parse';
import { RowStimulus } from './row-stimulus';
import { Simulator } from './simulator';

export interface FixedRowsOptions {
  neurons: number;
  vth: number;
  inputRange: number;
  recurrentRange: number;
  learningRate: number;
  readoutLearningRate: number;
  trainDigits: number;
  testDigits: number;
  seed: number;
  tauOutMs?: number;
}

const TICKS_PER_ROW = 4;
const READ_TICKS = 20;

export function fixedRowsSpec(options: FixedRowsOptions) {
  const learning = {
    rule: 'eprop',
    learningRate: options.learningRate,
    readoutLearningRate: options.readoutLearningRate,
    tauOutMs: options.tauOutMs ?? 100,
    feedback: 'symmetric',
    surrogateWidth: 0.5,
    wMin: -127,
    wMax: 127,
    updateEveryTicks: 28 * TICKS_PER_ROW + READ_TICKS,
  };
  return parseSpec({
    apiVersion: 'livenet/v1',
    name: 'eprop-rows-fixed',
    chip: { profile: 'loihi2-like', mode: 'fixed' },
    dtMs: 1,
    populations: [
      { name: 'rows', size: 56, kind: 'input' },
      {
        name: 'rec',
        size: options.neurons,
        neuron: {
          model: 'alif',
          physical: {
            tauSynMs: 2,
            tauMemMs: 20,
            vth: options.vth,
            refractoryMs: 2,
            tauAdaptMs: 200,
            adaptInc: options.vth / 5,
          },
        },
      },
    ],
    projections: [
      {
        name: 'rows-rec',
        from: 'rows',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -options.inputRange, high: options.inputRange },
        learning,
      },
      {
        name: 'rec-rec',
        from: 'rec',
        to: 'rec',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: -options.recurrentRange, high: options.recurrentRange },
        learning,
      },
    ],
    readout: { population: 'rec', kind: 'linear', classes: 10 },
  });
}

/** Trains on `trainDigits` training digits, then returns the accuracy on `testDigits` test digits. */
export function runFixedRows(options: FixedRowsOptions): { accuracy: number; simulator: Simulator } {
  const program = compile(fixedRowsSpec(options), { seed: options.seed, mode: 'fixed' });
  const rows = program.populations[0]!;
  const train = sampleOrder('train', options.seed, options.trainDigits);
  const test = sampleOrder('test', options.seed, options.testDigits);
  const order = Int32Array.from([...train, ...test]);
  const stimulus = new RowStimulus({
    population: rows.index,
    offset: rows.offset,
    order,
    ticksPerRow: TICKS_PER_ROW,
    tailTicks: READ_TICKS,
    rowCue: true,
    seed: options.seed,
  });
  const simulator = new Simulator(program, { seed: options.seed, stimuli: [stimulus] });
  const rowTicks = 28 * TICKS_PER_ROW;

  let correct = 0;
  for (let k = 0; k < order.length; k++) {
    const learning = k < train.length;
    simulator.setEpropTarget(learning ? label(order[k]!) : -1);
    const scores = new Float64Array(10);
    for (let step = 0; step < stimulus.period; step++) {
      simulator.step();
      if (step < rowTicks) continue;
      const values = simulator.eprop!.readout();
      for (let c = 0; c < 10; c++) scores[c]! += values[c]!;
    }
    if (!learning) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (scores[c]! > scores[best]!) best = c;
      if (best === label(order[k]!)) correct++;
    }
  }
  return { accuracy: correct / test.length, simulator };
}
