/**
 * One-shot simulation of a spec for a fixed number of ticks: what the command line and the tests
 * use. Long runs with checkpoints and progress go through `RunSession` instead.
 */
import type { Spec } from '../spec/schema';
import type { NumericMode } from '../program';
import { compile } from '../compile/compile';
import { Simulator } from '../sim/simulator';
import { buildStimuli } from '../sim/build-stimuli';
import { estimateEnergy } from '../energy/estimate';
import type { Counters } from '../energy/counters';
import type { RecordedState } from '../sim/recorder';
import { weightMatrix } from './weights';

export interface SimulateOptions {
  ticks: number;
  seed: number;
  /** Overrides the spec's `chip.mode`. */
  mode?: NumericMode;
}

export interface SimulationResult {
  ticks: number;
  seed: number;
  mode: NumericMode;
  /** Per recorded population, every spike as `[tick, neuron]`. */
  spikes: Record<string, [number, number][]>;
  state: RecordedState[];
  /** Final weights per plastic projection as a `[from][to]` matrix, `null` where there is no synapse. */
  weights: Record<string, (number | null)[][]>;
  /** Weights every `record.weights.every` ticks, per projection as a `[from][to]` matrix. */
  weightHistory: { tick: number; projection: string; weights: (number | null)[][] }[];
  counters: Counters & { energyEstimateJ: number; energyTable: string };
}

export function simulate(spec: Spec, options: SimulateOptions): SimulationResult {
  const mode = options.mode ?? spec.chip.mode;
  const program = compile(spec, { seed: options.seed, mode });
  const simulator = new Simulator(program, {
    seed: options.seed,
    stimuli: buildStimuli(program, options.seed),
  });
  simulator.run(options.ticks);

  const spikes: SimulationResult['spikes'] = {};
  for (const recorded of simulator.spikeRecorder.drain()) {
    const pairs: [number, number][] = [];
    for (let k = 0; k < recorded.spikes.length; k += 2)
      pairs.push([recorded.spikes[k]!, recorded.spikes[k + 1]!]);
    spikes[recorded.population] = pairs;
  }

  const weights: SimulationResult['weights'] = {};
  program.projections.forEach((projection, i) => {
    if (projection.learning !== null)
      weights[projection.name] = weightMatrix(program, i, simulator.weights[i]!);
  });

  const weightHistory = simulator.weightRecorder.drain().map(({ tick, projection, values }) => ({
    tick,
    projection,
    weights: weightMatrix(
      program,
      program.projections.findIndex((p) => p.name === projection),
      values,
    ),
  }));

  const energy = estimateEnergy(simulator.counters);
  return {
    ticks: options.ticks,
    seed: options.seed,
    mode,
    spikes,
    state: simulator.stateRecorder.drain(),
    weights,
    weightHistory,
    counters: { ...simulator.counters, energyEstimateJ: energy.joules, energyTable: energy.table.id },
  };
}
