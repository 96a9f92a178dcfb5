/**
 * Runs of the reward-trained readout (`./rstdp-readout`): a digit stream is shown to the network,
 * the output neuron with the most spikes answers each digit, and, while the readout is plastic,
 * a reward follows each presentation: +1 when the answer is the label's class, -1 otherwise
 * (also -1 when no output neuron spiked, which changes nothing, since without an output spike
 * no eligibility builds up). The reward is injected after the presentation's last tick, so it is
 * applied at the end of the first rest tick, while the eligibility still holds the digit's
 * pairings.
 */
import type { Counters } from '../energy/counters';
import { label, streamOrder } from '../data/mnist';
import type { MnistSplitName } from '../data/mnist';
import type { Program } from '../program';
import { RunSession } from '../session/run-session';
import { DIEHL_COOK_PRESENT_TICKS, DIEHL_COOK_REST_TICKS } from './diehl-cook';
import { setThresholdOffsets } from './frozen-vote';
import type { RstdpReadoutOptions } from './rstdp-readout';
import { READOUT_CLASSES, readoutProjectionName, rstdpReadoutSpec } from './rstdp-readout';

/** Accuracy measured at some point of training, for a learning curve. */
export interface CurvePoint {
  samples: number;
  accuracy: number;
}

export interface ReadoutRun {
  /** Share of digits answered right (training: before the reward; test: frozen). */
  accuracy: number;
  readoutWeights: number[][];
  curve: CurvePoint[];
  /** Digits with no answer because no output neuron spiked. */
  unanswered: number;
  /** Predicted class per digit, -1 where no output neuron spiked. */
  answers: Int8Array;
  counters: Counters;
}

/**
 * Returns the class whose output neuron spiked most, a tie going to the neuron that spiked first
 * (then to the lower class), or -1 when no output neuron spiked.
 */
export function answerOf(counts: Float64Array, firstSpikeTick: Float64Array): number {
  let best = -1;
  counts.forEach((count, c) => {
    if (count === 0) return;
    if (
      best < 0 ||
      count > counts[best]! ||
      (count === counts[best]! && firstSpikeTick[c]! < firstSpikeTick[best]!)
    ) {
      best = c;
    }
  });
  return best;
}

/**
 * Presents `samples` digits of `split` to the readout network; when `plastic`, injects the reward
 * after each presentation. `thresholdOffset` is the feature layer's trained offsets.
 */
export function runReadout(
  options: RstdpReadoutOptions,
  split: MnistSplitName,
  samples: number,
  seed: number,
  thresholdOffset: Int32Array | Float64Array,
  progress: (done: number, total: number) => void,
): ReadoutRun {
  const spec = rstdpReadoutSpec({
    ...options,
    features: { ...options.features, samples, split },
  });
  const session = RunSession.create(spec, { seed });
  setThresholdOffsets(session, 'exc', thresholdOffset);
  const order = streamOrder({ split, samples, indices: options.features.indices }, seed);
  const plastic = options.plastic ?? true;
  const presentTicks = options.presentTicks ?? options.features.presentTicks ?? DIEHL_COOK_PRESENT_TICKS;
  const recent: number[] = [];
  const curve: CurvePoint[] = [];
  const answers = new Int8Array(samples);
  let correct = 0;
  let unanswered = 0;

  for (let k = 0; k < samples; k++) {
    const report = session.advance(presentTicks);
    const counts = new Float64Array(READOUT_CLASSES);
    const first = new Float64Array(READOUT_CLASSES).fill(Number.POSITIVE_INFINITY);
    for (const { population, spikes } of report.raster) {
      if (population !== 'out') continue;
      for (const [tick, neuron] of spikes) {
        counts[neuron]! += 1;
        first[neuron] = Math.min(first[neuron]!, tick);
      }
    }
    const answer = answerOf(counts, first);
    answers[k] = answer;
    const hit = answer === label(order[k]!);
    if (hit) correct++;
    if (answer < 0) unanswered++;
    if (plastic) session.injectReward(hit ? 1 : -1);
    session.advance(DIEHL_COOK_REST_TICKS);

    recent.push(hit ? 1 : 0);
    if (recent.length > 200) recent.shift();
    if ((k + 1) % 100 === 0) curve.push({ samples: k + 1, accuracy: mean(recent) });
    progress(k + 1, samples);
  }

  const readoutWeights = readoutMatrix(
    session.program,
    session.simulator.weights,
    options.features.neurons,
    options.delayGroups ?? 1,
  );
  return {
    accuracy: correct / samples,
    readoutWeights,
    curve,
    unanswered,
    answers,
    counters: { ...session.simulator.counters },
  };
}

/**
 * Returns the readout weights `[neuron][class]` of a compiled readout network, gathered from the
 * projection of every delay group. `weights` are the simulator's weights by projection index.
 */
export function readoutMatrix(
  program: Program,
  weights: readonly (Int8Array | Float64Array)[],
  neurons: number,
  groups: number,
): number[][] {
  const matrix = Array.from({ length: neurons }, () => new Array<number>(READOUT_CLASSES).fill(0));
  for (let group = 0; group < groups; group++) {
    const name = readoutProjectionName(group);
    const projection = program.projections.find((p) => p.name === name);
    if (projection === undefined) throw new RangeError(`projection "${name}" does not exist`);
    const values = weights[projection.index]!;

    // Synapses are stored by source row: row i contains rowPtr[i]..rowPtr[i + 1] - 1.
    for (let i = 0; i < neurons; i++) {
      for (let k = projection.rowPtr[i]!; k < projection.rowPtr[i + 1]!; k++) {
        matrix[i]![projection.post[k]!] = values[k]!;
      }
    }
  }
  return matrix;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}
