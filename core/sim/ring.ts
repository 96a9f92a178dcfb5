/**
 * The delay ring: synaptic input waiting to arrive.
 *
 * A spike emitted at tick t over a synapse with delay register d arrives at t + 1 + d, with d in
 * 0..maxDelayTicks. The ring has `maxDelayTicks + 2` slots indexed by `arrivalTick % length`, so
 * the slot being read at tick t (arrivals at t) is never a slot being written at t (arrivals at
 * t + 1 .. t + 1 + maxDelayTicks). Invariant: after tick t is delivered its slot is zeroed before
 * any emission of tick t lands in it again as tick t + length.
 */
export type InputArray = Int32Array | Float64Array;

export class DelayRing<T extends InputArray> {
  readonly length: number;
  readonly slots: T[];

  constructor(neuronCount: number, maxDelayTicks: number, makeSlot: (size: number) => T) {
    this.length = maxDelayTicks + 2;
    this.slots = [];
    for (let i = 0; i < this.length; i++) this.slots.push(makeSlot(neuronCount));
  }

  /** Returns the slot that holds the input arriving at `tick`. */
  slotFor(tick: number): T {
    return this.slots[tick % this.length]!;
  }
}
