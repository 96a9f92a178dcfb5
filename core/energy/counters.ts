/**
 * Activity counters of a run: what the chip did, tick by tick, as the energy estimate and the
 * NeuroBench-style figures need it.
 *
 * Every counter is a non-negative integer held in a double, exact up to 2^53 (9e15). The key
 * order of a `Counters` object is `COUNTER_NAMES`, so `Object.values` and `countersToArray` list
 * the values in the same order.
 */
import { z } from 'zod';

export interface Counters {
  /** Effective synaptic accumulates: synapses touched by binary spikes, borders included. */
  synapticOps: number;
  /** Synaptic operations a dense engine would do: every synapse slot of every projection, every tick. */
  denseOps: number;
  /** Multiply-accumulates for graded (non-binary) inputs. */
  macOps: number;
  /** Updates of neurons whose state or output was non-zero in the tick. */
  activeNeuronUpdates: number;
  /** Updates of neurons whose state stayed all zero in the tick. */
  idleNeuronUpdates: number;
  /** Weight or eligibility updates done by learning rules. */
  learningUpdates: number;
  /** Spikes emitted, input populations included. */
  spikes: number;
  /** Spike messages sent within a tile, before any mesh hop. */
  withinTileSpikes: number;
  /** Mesh hops of spike messages along the east-west axis. */
  hopsEastWest: number;
  /** Mesh hops of spike messages along the north-south axis. */
  hopsNorthSouth: number;
}

export type CounterName = keyof Counters;

/** Returns counters that are all zero, keys in `COUNTER_NAMES` order. */
export function createCounters(): Counters {
  return {
    synapticOps: 0,
    denseOps: 0,
    macOps: 0,
    activeNeuronUpdates: 0,
    idleNeuronUpdates: 0,
    learningUpdates: 0,
    spikes: 0,
    withinTileSpikes: 0,
    hopsEastWest: 0,
    hopsNorthSouth: 0,
  };
}

/** Every counter name, in the fixed order used by arrays and snapshots. */
export const COUNTER_NAMES: readonly CounterName[] = Object.freeze(
  Object.keys(createCounters()) as CounterName[],
);

/** Returns the sum of two sets of counters as a new object; neither argument changes. */
export function addCounters(a: Readonly<Counters>, b: Readonly<Counters>): Counters {
  const sum = createCounters();
  for (const name of COUNTER_NAMES) sum[name] = a[name] + b[name];
  return sum;
}

/** Copies the counters into a Float64Array in `COUNTER_NAMES` order, for snapshots. */
export function countersToArray(counters: Readonly<Counters>): Float64Array {
  return Float64Array.from(COUNTER_NAMES, (name) => counters[name]);
}

/** Rebuilds counters from the output of `countersToArray`. */
export function countersFromArray(values: ArrayLike<number>): Counters {
  if (values.length !== COUNTER_NAMES.length) {
    throw new RangeError(`a counters array has ${COUNTER_NAMES.length} values, got ${values.length}`);
  }
  const counters = createCounters();
  COUNTER_NAMES.forEach((name, i) => (counters[name] = values[i]!));
  return counters;
}

const counterValue = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Schema of counters read back from JSON: every counter present, a non-negative safe integer. */
export const countersSchema = z.strictObject({
  synapticOps: counterValue,
  denseOps: counterValue,
  macOps: counterValue,
  activeNeuronUpdates: counterValue,
  idleNeuronUpdates: counterValue,
  learningUpdates: counterValue,
  spikes: counterValue,
  withinTileSpikes: counterValue,
  hopsEastWest: counterValue,
  hopsNorthSouth: counterValue,
}) satisfies z.ZodType<Counters>;
