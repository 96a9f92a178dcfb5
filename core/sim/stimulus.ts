/**
 * Stimulus sources: what makes input neurons spike. A source writes the spikes of tick t into the
 * global `spiked` array before neurons update. Sources whose output depends on random draws keep
 * their generator state in `getState` so a resumed run continues bit for bit.
 */
import type { PopulationProgram } from '../program';

export type StimulusState = Record<string, Float64Array | Int32Array | Uint32Array | Uint8Array>;

export interface StimulusSource {
  /** Index of the population this source drives. */
  readonly population: number;
  fill(tick: number, spiked: Uint8Array): void;
  getState(): StimulusState;
  setState(state: StimulusState): void;
}

/** A fixed list of `[tick, neuron]` spikes; stateless, so it needs nothing saved. */
export class SpikeListStimulus implements StimulusSource {
  readonly population: number;
  private readonly offset: number;
  private readonly byTick = new Map<number, number[]>();

  constructor(population: PopulationProgram, spikes: readonly (readonly [number, number])[]) {
    this.population = population.index;
    this.offset = population.offset;
    for (const [tick, neuron] of spikes) {
      const list = this.byTick.get(tick) ?? [];
      list.push(neuron);
      this.byTick.set(tick, list);
    }
  }

  fill(tick: number, spiked: Uint8Array): void {
    const neurons = this.byTick.get(tick);
    if (neurons === undefined) return;
    for (const neuron of neurons) spiked[this.offset + neuron] = 1;
  }

  getState(): StimulusState {
    return {};
  }

  setState(): void {}
}
