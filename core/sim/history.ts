/**
 * Recent spikes, kept so that learning can see the pre events arriving at tick t over a
 * projection with delay d: the spikes its source emitted at t - 1 - d. Slots are indexed by
 * emission tick modulo `maxDelayTicks + 2`, the same period as the delay ring; a slot is cleared
 * when its tick is first written, so it holds only the spikes of that emission tick.
 */
import type { Program } from '../program';

export interface SpikeEvents {
  indices: Int32Array;
  count: number;
}

export class SpikeHistory {
  private readonly length: number;
  private readonly ticks: Float64Array;
  private readonly counts: Int32Array;
  private readonly neurons: Int32Array[];
  private readonly scratch: Int32Array;
  private readonly enabled: boolean;

  constructor(program: Program) {
    this.enabled = program.projections.some((p) => p.learning !== null);
    this.length = program.maxDelayTicks + 2;
    const size = this.enabled ? program.neuronCount : 0;
    this.ticks = new Float64Array(this.length).fill(-1);
    this.counts = new Int32Array(this.length);
    this.neurons = Array.from({ length: this.length }, () => new Int32Array(size));
    this.scratch = new Int32Array(size);
  }

  push(tick: number, globalIndex: number): void {
    if (!this.enabled) return;
    const slot = tick % this.length;
    if (this.ticks[slot] !== tick) {
      this.ticks[slot] = tick;
      this.counts[slot] = 0;
    }
    this.neurons[slot]![this.counts[slot]!++] = globalIndex;
  }

  /** Returns the local indices of population [offset, offset + size) that spiked at `tick`. */
  eventsOf(tick: number, offset: number, size: number): SpikeEvents {
    const slot = ((tick % this.length) + this.length) % this.length;
    if (tick < 1 || this.ticks[slot] !== tick) return { indices: this.scratch, count: 0 };

    const source = this.neurons[slot]!;
    let count = 0;
    for (let k = 0; k < this.counts[slot]!; k++) {
      const g = source[k]!;
      if (g >= offset && g < offset + size) this.scratch[count++] = g - offset;
    }
    return { indices: this.scratch, count };
  }

  captureState(): Record<string, Float64Array | Int32Array> {
    if (!this.enabled) return {};
    const out: Record<string, Float64Array | Int32Array> = {
      'history.ticks': this.ticks.slice(),
      'history.counts': this.counts.slice(),
    };
    this.neurons.forEach((list, i) => (out[`history.${i}`] = list.slice(0, this.counts[i])));
    return out;
  }

  restoreState(get: (key: string) => Float64Array | Int32Array | undefined): void {
    if (!this.enabled) return;
    const ticks = get('history.ticks');
    const counts = get('history.counts');
    if (ticks === undefined || counts === undefined) throw new Error('checkpoint has no spike history');
    this.ticks.set(ticks);
    this.counts.set(counts);
    this.neurons.forEach((list, i) => list.set(get(`history.${i}`) ?? new Int32Array(0)));
  }
}
