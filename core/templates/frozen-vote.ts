/**
 * Scoring of an unsupervised layer with learning frozen, as Diehl and Cook (2015) score theirs:
 * the trained weights and adaptive thresholds go into a network without plasticity, its neurons
 * are labelled by the class they answer most on training digits, then each test digit is
 * predicted by the class whose labelled neurons spike most on average.
 *
 * The test split is only ever shown to a frozen network, and nothing is chosen from its results.
 */
import type { Counters } from '../energy/counters';
import { addCounters, createCounters } from '../energy/counters';
import { label, streamOrder } from '../data/mnist';
import { RunSession } from '../session/run-session';
import { VoteReadout } from '../session/vote-readout';
import type { Spec } from '../spec/schema';
import type { PopulationProgram } from '../program';

export interface TrainedLayer {
  /** Name of the population whose spikes vote. */
  population: string;
  /** Threshold offsets reached in training (Int32Array in fixed mode, Float64Array in float mode). */
  thresholdOffset: Int32Array | Float64Array;
}

export interface FrozenPhase {
  /** Spike counts per sample and neuron, row-major `[sample * size + neuron]`. */
  counts: Uint16Array;
  labels: Uint8Array;
  size: number;
  counters: Counters;
}

/**
 * Sets the threshold offsets of `population` in a session that has not run yet and returns the
 * population. Offsets are neuron state, not spec fields, so they go through a state round trip.
 */
export function setThresholdOffsets(
  session: RunSession,
  population: string,
  offsets: Int32Array | Float64Array,
): PopulationProgram {
  const target = session.program.populations.find((p) => p.name === population);
  if (target === undefined) throw new RangeError(`population "${population}" does not exist`);
  if (offsets.length !== target.size) {
    throw new RangeError(
      `population "${population}" has ${target.size} neurons, got ${offsets.length} offsets`,
    );
  }
  const state = session.simulator.captureState();
  state[`neurons.${target.index}.thresholdOffset`] = offsets;
  session.simulator.restoreState(state);
  return target;
}

/**
 * Runs every sample of a frozen `spec` (one data stimulus, learning off) and returns the spike
 * counts of `layer.population` per sample, with the threshold offsets set to the trained ones.
 */
export function runFrozen(
  spec: Spec,
  seed: number,
  layer: TrainedLayer,
  progress: (done: number, total: number) => void,
): FrozenPhase {
  const session = RunSession.create(spec, { seed });
  const population = setThresholdOffsets(session, layer.population, layer.thresholdOffset);

  const data = spec.stimulus.find((s) => s.data !== undefined)?.data;
  if (data === undefined) throw new RangeError('a frozen phase needs a data stimulus');
  const period = data.presentTicks + data.restTicks;
  const order = streamOrder(data, seed);
  const size = population.size;
  const counts = new Uint16Array(data.samples * size);
  const labels = new Uint8Array(data.samples);

  for (let k = 0; k < data.samples; k++) {
    const report = session.advance(period);
    for (const { population: name, spikes } of report.raster) {
      if (name !== layer.population) continue;
      for (const [, neuron] of spikes) counts[k * size + neuron]!++;
    }
    labels[k] = label(order[k]!);
    progress(k + 1, data.samples);
  }
  return { counts, labels, size, counters: addCounters(createCounters(), session.simulator.counters) };
}

/** Labels the neurons on `labelling` and returns the vote accuracy on `test`. */
export function voteAccuracy(labelling: FrozenPhase, test: FrozenPhase, classes = 10): number {
  const readout = new VoteReadout(labelling.size, classes);
  const row = new Uint8Array(labelling.size);
  const feed = (phase: FrozenPhase, k: number): void => {
    for (let i = 0; i < phase.size; i++) row[i] = Math.min(255, phase.counts[k * phase.size + i]!);
    readout.observe(row);
  };

  for (let k = 0; k < labelling.labels.length; k++) {
    feed(labelling, k);
    readout.endPresentation(labelling.labels[k]!, true);
  }
  readout.correct = 0;
  readout.total = 0;
  for (let k = 0; k < test.labels.length; k++) {
    feed(test, k);
    readout.endPresentation(test.labels[k]!, false);
  }
  return readout.correct / readout.total;
}
