/**
 * A growable list of spikes as two parallel typed arrays, so a million spikes cost 8 MB and no
 * per-spike objects. Capacity doubles when full, so appending is amortised O(1).
 */
export class SpikeBuffer {
  ticks: Int32Array;
  neurons: Int32Array;
  length = 0;
  /** Largest tick appended so far, 0 when empty. */
  maxTick = 0;

  constructor(initialCapacity = 4096) {
    const capacity = Math.max(16, initialCapacity);
    this.ticks = new Int32Array(capacity);
    this.neurons = new Int32Array(capacity);
  }

  /** Appends one spike of global neuron index `neuron` at `tick`. */
  push(tick: number, neuron: number): void {
    if (this.length === this.ticks.length) this.grow(this.length + 1);

    this.ticks[this.length] = tick;
    this.neurons[this.length] = neuron;
    this.length += 1;
    if (tick > this.maxTick) this.maxTick = tick;
  }

  /** Appends `[tick, neuron]` pairs, adding `neuronOffset` to each neuron index. */
  pushPairs(pairs: ReadonlyArray<readonly [number, number]>, neuronOffset = 0): void {
    this.reserve(this.length + pairs.length);
    for (const [tick, neuron] of pairs) this.push(tick, neuron + neuronOffset);
  }

  /** Appends spikes given as parallel arrays, adding `neuronOffset` to each neuron index. */
  pushArrays(ticks: ArrayLike<number>, neurons: ArrayLike<number>, neuronOffset = 0): void {
    if (ticks.length !== neurons.length) {
      throw new Error(`spike arrays differ in length: ${ticks.length} ticks, ${neurons.length} neurons`);
    }

    this.reserve(this.length + ticks.length);
    for (let i = 0; i < ticks.length; i++) this.push(ticks[i] ?? 0, (neurons[i] ?? 0) + neuronOffset);
  }

  clear(): void {
    this.length = 0;
    this.maxTick = 0;
  }

  private reserve(capacity: number): void {
    if (capacity > this.ticks.length) this.grow(capacity);
  }

  private grow(minimum: number): void {
    let capacity = this.ticks.length * 2;
    while (capacity < minimum) capacity *= 2;

    const ticks = new Int32Array(capacity);
    const neurons = new Int32Array(capacity);
    ticks.set(this.ticks.subarray(0, this.length));
    neurons.set(this.neurons.subarray(0, this.length));
    this.ticks = ticks;
    this.neurons = neurons;
  }
}
