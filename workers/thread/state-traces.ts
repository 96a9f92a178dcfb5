/**
 * The sampled state a run streams with each chunk, cut to a size a chunk row and a browser can
 * take: the first neurons of each recorded (population, variable) pair, and every k-th sample
 * when a chunk still has too many values.
 */
import type { RecordedState } from '../../server/services/core-api';

/** Neurons per recorded population and variable whose traces are streamed. */
export const MAX_TRACE_NEURONS = 16;
/** Values per chunk across all traces; more are thinned by keeping every k-th sample. */
export const MAX_TRACE_VALUES_PER_CHUNK = 20_000;

export interface StateTrace {
  population: string;
  variable: RecordedState['variable'];
  /** Local indices of the neurons kept, always 0..n-1 of the population. */
  neurons: number[];
  ticks: number[];
  /** One row per kept sample, one value per kept neuron. */
  values: number[][];
  /** True when samples were dropped to stay under the per-chunk limit. */
  thinned: boolean;
}

export function toStateTraces(recorded: readonly RecordedState[]): StateTrace[] {
  const nonEmpty = recorded.filter((state) => state.ticks.length > 0);
  const neuronsPerTrace = nonEmpty.map((state) => Math.min(MAX_TRACE_NEURONS, state.values[0]?.length ?? 0));
  const totalValues = nonEmpty.reduce(
    (sum, state, index) => sum + state.ticks.length * (neuronsPerTrace[index] ?? 0),
    0,
  );
  const stride = Math.max(1, Math.ceil(totalValues / MAX_TRACE_VALUES_PER_CHUNK));

  return nonEmpty.map((state, index) => {
    const neuronCount = neuronsPerTrace[index] ?? 0;
    const ticks: number[] = [];
    const values: number[][] = [];
    for (let sample = 0; sample < state.ticks.length; sample += stride) {
      ticks.push(state.ticks[sample]!);
      values.push((state.values[sample] ?? []).slice(0, neuronCount));
    }
    return {
      population: state.population,
      variable: state.variable,
      neurons: Array.from({ length: neuronCount }, (_, neuron) => neuron),
      ticks,
      values,
      thinned: stride > 1,
    };
  });
}
