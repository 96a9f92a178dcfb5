/**
 * Sampled state of a run as it streams: per recorded population and variable, the ticks of the
 * samples and one series of values per neuron. Chunks arrive in tick order and `RunFeed` drops
 * repeated ones, so appending is enough.
 */
import type { ChunkData } from './messages';

type ChunkTrace = NonNullable<ChunkData['state']>[number];

export interface TraceSeries {
  /** For example `out.v`. */
  key: string;
  population: string;
  variable: ChunkTrace['variable'];
  neurons: number[];
  ticks: number[];
  /** Values of each neuron in `neurons` order, one per tick in `ticks`. */
  valuesByNeuron: number[][];
  thinned: boolean;
}

export class StateTraces {
  private readonly byKey = new Map<string, TraceSeries>();

  append(trace: ChunkTrace): void {
    const key = `${trace.population}.${trace.variable}`;
    let series = this.byKey.get(key);
    if (!series) {
      series = {
        key,
        population: trace.population,
        variable: trace.variable,
        neurons: trace.neurons.slice(),
        ticks: [],
        valuesByNeuron: trace.neurons.map(() => []),
        thinned: false,
      };
      this.byKey.set(key, series);
    }

    series.thinned ||= trace.thinned;
    trace.ticks.forEach((tick, sample) => {
      const row = trace.values[sample] ?? [];
      series.ticks.push(tick);
      series.valuesByNeuron.forEach((values, column) => values.push(row[column] ?? Number.NaN));
    });
  }

  list(): TraceSeries[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }
}
