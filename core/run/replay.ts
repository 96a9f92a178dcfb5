/**
 * Replaying a network in the other numeric mode, and finding the first tick where the spikes of
 * the two modes differ.
 *
 * Both modes run the same compiled network: the program compiled for the run's own mode is copied
 * with its weights converted, so random connectivity and initial weights are the same draws.
 * Fixed to float keeps every mantissa as the same real. Float to fixed rounds each weight to the
 * nearest integer (halves away from zero) and clamps it to the mantissa range -128..127.
 */
import type { NumericMode, Program } from '../program';
import type { Spec } from '../spec/schema';
import { compile } from '../compile/compile';
import { Simulator } from '../sim/simulator';
import { buildStimuli } from '../sim/build-stimuli';

export interface Divergence {
  tick: number;
  population: string;
  neuron: number;
  /** Whether the neuron spiked in the run's own mode (the other mode did the opposite). */
  spikedInRunMode: boolean;
}

/** Returns a copy of `program` for `mode`, with the same synapses and converted weights. */
export function convertProgram(program: Program, mode: NumericMode): Program {
  if (program.mode === mode) return program;
  const projections = program.projections.map((projection) => {
    const weights =
      mode === 'float'
        ? Float64Array.from(projection.weights)
        : Int8Array.from(projection.weights, (w) =>
            Math.max(-128, Math.min(127, Math.sign(w) * Math.round(Math.abs(w)))),
          );
    return { ...projection, weights };
  });
  return { ...program, mode, projections };
}

export interface DivergenceOptions {
  seed: number;
  ticks: number;
}

/**
 * Runs `spec` in its own mode and in the other one side by side, and returns the first tick and
 * neuron (lowest global index first) whose spikes differ, or null if none differ within `ticks`.
 */
export function findFirstDivergence(spec: Spec, options: DivergenceOptions): Divergence | null {
  const own = compile(spec, { seed: options.seed, mode: spec.chip.mode });
  const other = convertProgram(own, spec.chip.mode === 'fixed' ? 'float' : 'fixed');
  const a = new Simulator(own, { seed: options.seed, stimuli: buildStimuli(own, options.seed) });
  const b = new Simulator(other, { seed: options.seed, stimuli: buildStimuli(other, options.seed) });

  for (let t = 1; t <= options.ticks; t++) {
    a.step();
    b.step();
    for (let g = 0; g < own.neuronCount; g++) {
      if (a.spiked[g] === b.spiked[g]) continue;
      const population = own.populations.find((p) => g >= p.offset && g < p.offset + p.size)!;
      return {
        tick: t,
        population: population.name,
        neuron: g - population.offset,
        spikedInRunMode: a.spiked[g] === 1,
      };
    }
  }
  return null;
}
