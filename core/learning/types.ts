/**
 * Contracts between the simulator and the learning rules.
 *
 * Per-projection rules (pair STDP, reward-modulated STDP) implement `PlasticityRule` and are
 * created by `createPlasticityRule` in `./rules`. The simulator calls `onTick` once per tick at
 * step 4 of the tick (after neuron updates and spike emission), then `applyReward` when a reward
 * is due. A rule mutates the weights it was given in place.
 *
 * e-prop needs the whole recurrent network at once (membrane values, spikes of several
 * projections, a readout and a target), so it has its own driver, `EpropLearner`, described at
 * the end of this file and implemented in `./eprop`.
 *
 * `ProjectionEnvelope` (`./envelope`) sits between a rule and the live weights when the spec
 * declares a safety envelope: the rule writes the envelope's working copy, the envelope commits.
 */
import type { FloatNeuronParams, NumericMode } from '../program';
import type { LearningSpec, RstdpSpec, StdpSpec } from '../spec/schema';
import type { WeightBounds } from './bounds';

/** The parts of a projection that a per-projection rule reads and updates. */
export interface PlasticProjectionView {
  mode: NumericMode;
  dtMs: number;
  preSize: number;
  postSize: number;
  /** CSR row pointers by presynaptic local index, length `preSize + 1`. */
  rowPtr: Int32Array;
  /** Postsynaptic local index of each synapse. */
  post: Int32Array;
  /** Weights, mutated in place: Int8 mantissas in fixed mode, reals in float mode. */
  weights: Int8Array | Float64Array;
  learning: LearningSpec;
}

/** The view a pair-based rule works on, its learning fields narrowed to that rule. */
export type PairRuleView<Spec extends StdpSpec | RstdpSpec> = Omit<PlasticProjectionView, 'learning'> & {
  learning: Spec;
};

/** Typed arrays a rule saves in a checkpoint; never Uint8Array, which the simulator skips. */
export type RuleStateArray = Float64Array | Int32Array | Int8Array | Uint32Array;
export type RuleState = Record<string, RuleStateArray>;

export interface PlasticityRule {
  /**
   * Runs step 4 of tick `tick`. `preEvents[0..preEventCount)` are the local presynaptic indices
   * whose spikes arrived at this tick over this projection (a repeated index counts as two
   * events), and `postSpiked[j]` is 1 if postsynaptic neuron j spiked at this tick. Returns the
   * number of synaptic weight or eligibility updates done, for the learning counter.
   */
  onTick(tick: number, preEvents: Int32Array, preEventCount: number, postSpiked: Uint8Array): number;
  /**
   * Applies the reward `r[t]` at the end of tick `tick` (`w += eta * r * e`) and returns the
   * number of weight updates. Only reward-modulated rules have it.
   */
  applyReward?(tick: number, reward: number): number;
  getState(): RuleState;
  /** Restores a state returned by `getState` of a rule built on the same projection. */
  setState(state: RuleState): void;
}

/** One projection that e-prop trains, in the simulator's CSR layout. */
export interface EpropProjection {
  preSize: number;
  rowPtr: Int32Array;
  post: Int32Array;
  /** Float weights, mutated by `applyGradients`. */
  weights: Float64Array;
  /** Current added to `u` per unit of weight and arriving spike: `2^(wExp + 6)` in float mode. */
  weightScale: number;
}

/** A leaky readout `y[t] = decay * y[t-1] + W z[t] + b` over the recurrent spikes. */
export interface EpropReadoutParams {
  size: number;
  /** Per-tick leak of the readout, `exp(-dtMs / tauOutMs)`. */
  decay: number;
  /** Readout weights, row-major `[class * recurrentSize + neuron]`, mutated by learning. */
  weights: Float64Array;
  /** Readout bias per class, mutated by learning. */
  bias: Float64Array;
}

export interface EpropConfig {
  recurrentSize: number;
  /** Float neuron constants of the recurrent population (LIF when `adaptInc` is 0). */
  neuron: FloatNeuronParams;
  input: EpropProjection;
  /** Recurrent projection, or null for a feed-forward layer. */
  recurrent: EpropProjection | null;
  readout: EpropReadoutParams;
  /** Feedback of the learning signal: the readout weights (`symmetric`) or fixed random ones. */
  feedback: 'symmetric' | 'random';
  /** Step size of the input and recurrent weights, and of the readout unless it has its own. */
  learningRate: number;
  /** Step size of the readout weights and bias; `learningRate` when absent. */
  readoutLearningRate?: number;
  /** Ticks between gradient applications inside `step`; null leaves it to the caller. */
  updateEveryTicks: number | null;
  /**
   * Surrogate derivative of the spike as a function of the distance to the tested threshold
   * (`v - (threshold + offset)`), peak 1 at distance 0; `surrogateOfDistance` builds one.
   */
  surrogate: (distanceToThreshold: number) => number;
  /** Factor on the surrogate (e-prop's published value is 0.3); 1 keeps it unchanged. */
  surrogateDamping: number;
  /** Differentiate the reset through the surrogate; false treats the reset as a constant. */
  resetInGradient: boolean;
  /** Bounds applied after every update of the input and recurrent weights, if any. */
  bounds: WeightBounds | null;
  /** `adam` rescales every gradient with Adam (`./adam`) before the step; `sgd` (default) does not. */
  optimizer?: 'sgd' | 'adam';
  /** False keeps the readout bias unchanged (no bias step); true (default) trains it. */
  trainReadoutBias?: boolean;
}

/** Values of one tick t that the simulator passes to the e-prop learner after step 3. */
export interface EpropTickInput {
  /** 1 for each input neuron whose spike arrived at t over the input projection. */
  inputArrivals: Uint8Array;
  /** 1 for each recurrent neuron whose spike arrived at t over the recurrent projection. */
  recurrentArrivals: Uint8Array | null;
  /** Spikes `z[t]` of the recurrent population. */
  spikes: Uint8Array;
  /** Membrane potential after integration and before the reset (the held value if refractory). */
  membraneBeforeReset: Float64Array;
  /**
   * Threshold offset tested at t, after its decay and before this tick's spike increment. It is
   * the stored offset minus `adaptInc` where the neuron spiked. Null for LIF.
   */
  thresholdOffset: Float64Array | null;
  /** Target class at t, or -1 when the loss ignores this tick. */
  target: number;
}

/** Gradient sums of the loss since the last `applyGradients`, in the weights' layouts. */
export interface EpropGradients {
  input: Float64Array;
  recurrent: Float64Array | null;
  readout: Float64Array;
  readoutBias: Float64Array;
}

export interface EpropLearner {
  /**
   * Advances the readout, the eligibility traces and the gradient sums by tick `tick`; returns
   * the number of eligibility updates. Weights change only in `applyGradients`.
   */
  step(tick: number, input: EpropTickInput): number;
  /** Readout values `y[t]` after the last step. */
  readout(): Float64Array;
  /** Softmax of the readout after the last step. */
  probabilities(): Float64Array;
  /** Cross-entropy summed over the ticks with a target since the last `applyGradients`. */
  loss(): number;
  gradients(): EpropGradients;
  /** Applies `w -= rate * gradient` to every trained weight, clears the sums, returns the count. */
  applyGradients(): number;
  /**
   * Clears what one sequence leaves behind: eligibility traces, readout values and traces, and
   * refractory counters return to their values at creation. Weights, gradient sums and the
   * optimizer's state are kept.
   */
  resetSequence(): void;
  getState(): RuleState;
  setState(state: RuleState): void;
}
