import type { NotebookTemplate } from './types';

const TICKS_PER_ROW = 4;
const READ_TICKS = 20;
const SAMPLES = 500;
const PERIOD = 28 * TICKS_PER_ROW + READ_TICKS;

/**
 * The row-sequence network of `core/templates/eprop-rows.ts` (row cue, readout tau 100 ms), fed
 * by the spec's `rows` encoder so that the simulator trains it online. The label of each digit is
 * the e-prop target on every tick of its period. The rule options give the simulator the
 * experiment trainer's procedure. `resetEachSample` starts every digit from rest (neurons,
 * eligibility traces, readout). The update summed over the digit is applied once per digit,
 * preconditioned by Adam at 0.003 for every weight. The readout bias is kept at zero. With
 * them the simulator's weights equal the trainer's bit for bit (`core/sim/eprop-options.test.ts`).
 * The run reports the accuracy of the linear readout over the last 100 digits, scored online:
 * the class of the largest readout summed over the read ticks, before the digit's update.
 * Measured with seed 1 through `RunSession`: over this run's 500 digits, 15, 20, 40, 42 and 50%
 * per block of 100, so the run ends at 50%. Over 2,000 digits, 70% on the last 500 and 71% on
 * the last 300 (chance is 10%). The vote of the recurrent neurons' spike counts, which the run
 * reported before, scored 28% on digits 401-500 and 39% on the last 100 of 2,000. Without the
 * reset, Adam and a held bias (plain steps at 1e-5, readout at 0.003) the readout stayed near
 * chance (6% and 9% on the first 200 digits).
 */
const SPEC = `apiVersion: livenet/v1
name: eprop-rows
chip: { profile: loihi2-like, mode: float }
dtMs: 1
populations:
  # 28 column inputs and 28 row cues.
  - name: rows
    size: 56
    kind: input
  - name: rec
    size: 100
    neuron:
      model: alif
      physical: { tauSynMs: 2, tauMemMs: 20, vth: 1, refractoryMs: 2, tauAdaptMs: 200, adaptInc: 0.2 }
projections:
  - name: rows-rec
    from: rows
    to: rec
    connectivity: { kind: dense }
    weights: { init: uniform, low: -0.5, high: 0.5 }
    learning: &eprop
      rule: eprop
      learningRate: 0.003
      optimizer: adam
      resetEachSample: true
      trainReadoutBias: false
      tauOutMs: 100
      feedback: symmetric
      surrogateWidth: 0.5
      wMin: -8
      wMax: 8
      updateEveryTicks: ${PERIOD}
  - name: rec-rec
    from: rec
    to: rec
    connectivity: { kind: dense }
    weights: { init: uniform, low: -0.1, high: 0.1 }
    learning: *eprop
stimulus:
  - population: rows
    encoder: { kind: rows, ticksPerRow: ${TICKS_PER_ROW}, rowCue: true }
    data:
      dataset: mnist
      split: train
      samples: ${SAMPLES}
      presentTicks: ${28 * TICKS_PER_ROW}
      restTicks: ${READ_TICKS}
readout: { population: rec, kind: linear, classes: 10 }
record:
  spikes: [rec]
`;

/** e-prop on MNIST row sequences: a recurrent ALIF network that learns online in float mode. */
export const EPROP_ROWS: NotebookTemplate = {
  slug: 'eprop-rows',
  title: 'e-prop on digit rows',
  summary: `A recurrent network of 100 adaptive neurons reads each digit row by row and learns online with e-prop (Bellec et al. 2020), ${SAMPLES} digits in float mode.`,
  tags: ['MNIST', 'ALIF', 'e-prop', 'float', 'paper'],
  cells: [
    {
      type: 'markdown',
      source: `# e-prop on digit rows

After Bellec et al. (2020), *A solution to the learning dilemma for recurrent networks of spiking neurons* (Nature Communications 11:3625).
Each digit is shown one row at a time, ${TICKS_PER_ROW} ticks a row: a column's input spikes with the probability of its pixel, and a cue input marks the row.
100 ALIF neurons, whose thresholds adapt with a 200 ms time constant, carry the digit across rows; e-prop trains the input and recurrent weights and a linear readout, with the digit's label as the target on every tick.
The ${READ_TICKS} silent ticks after the last row separate the digits.

Each digit starts from rest (\`resetEachSample\`), and the update summed over the digit is applied once, rescaled by Adam (\`optimizer: adam\`), as in the paper's training on separate sequences.
The run reports the accuracy of the trained linear readout over the last 100 digits, each digit scored before its own update (the class whose readout, summed over the ${READ_TICKS} silent ticks, is largest).
With seed 1 it rises from 15% on the first 100 digits to 50% on digits 401 to 500 (chance is 10%), and a run of 2,000 digits reaches about 70%.
A vote of the recurrent neurons' spike counts scores lower, 28% on digits 401 to 500.
The e-prop experiment (\`npm run experiment -- eprop\`) scores the readout on held-out digits.`,
    },
    { type: 'spec', source: SPEC },
    { type: 'run', mode: null, seed: 1, ticks: null },
  ],
};
