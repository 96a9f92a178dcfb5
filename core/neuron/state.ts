/**
 * Per-population neuron state, one typed array per variable, indexed by the local neuron index.
 *
 * A fresh state is all zero: no current, resting membrane, not refractory, no adaptation.
 * `thresholdOffset` is used by the adaptive (ALIF) model only and stays zero under LIF.
 */

/** State of a fixed-point population; every value is a signed 24-bit integer. */
export interface FixedNeuronState {
  /** Synaptic current `u`. */
  u: Int32Array;
  /** Membrane potential `v`. */
  v: Int32Array;
  /** Ticks left during which `v` is held and the neuron cannot spike. */
  refractoryLeft: Uint8Array;
  /** ALIF threshold offset `a`, on the scale of `v`. */
  thresholdOffset: Int32Array;
}

/**
 * Second result of a fixed-point population update: its active neurons, those whose `u` or `v`
 * is non-zero after the update or that spiked. The others are idle (their state stayed all zero).
 * Kernels count them in the update loop, so the simulator needs no second pass over the state.
 */
export interface NeuronActivity {
  active: number;
}

/** State of a float64 population, on the same scale as the fixed-point model. */
export interface FloatNeuronState {
  u: Float64Array;
  v: Float64Array;
  refractoryLeft: Uint8Array;
  thresholdOffset: Float64Array;
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`size: population size must be a non-negative integer, got ${size}`);
  }
}

export function createFixedNeuronState(size: number): FixedNeuronState {
  checkSize(size);
  return {
    u: new Int32Array(size),
    v: new Int32Array(size),
    refractoryLeft: new Uint8Array(size),
    thresholdOffset: new Int32Array(size),
  };
}

export function createFloatNeuronState(size: number): FloatNeuronState {
  checkSize(size);
  return {
    u: new Float64Array(size),
    v: new Float64Array(size),
    refractoryLeft: new Uint8Array(size),
    thresholdOffset: new Float64Array(size),
  };
}

interface PopulationArrays {
  u: ArrayLike<number>;
  v: ArrayLike<number>;
  refractoryLeft: ArrayLike<number>;
  thresholdOffset: ArrayLike<number>;
}

/** Throws unless an array of the population has the population's size. */
export function checkLength(name: string, length: number, size: number): void {
  if (length !== size) {
    throw new RangeError(`${name}: length ${length} differs from the population size ${size} (length of u)`);
  }
}

/**
 * Throws unless every state, input and output array has the population's length, because a
 * short typed array would read as `undefined` and be stored as 0 without any error.
 */
export function checkPopulationLengths(
  state: PopulationArrays,
  aIn: ArrayLike<number>,
  spiked: ArrayLike<number>,
): void {
  const size = state.u.length;
  checkLength('v', state.v.length, size);
  checkLength('refractoryLeft', state.refractoryLeft.length, size);
  checkLength('thresholdOffset', state.thresholdOffset.length, size);
  checkLength('aIn', aIn.length, size);
  checkLength('spiked', spiked.length, size);
}
