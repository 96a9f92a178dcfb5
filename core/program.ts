/**
 * The compiled chip program: what the compiler hands the simulator.
 *
 * Neurons of all populations share one global index space (population `offset` + local index),
 * input populations included: an input neuron has no dynamics and spikes only when its stimulus
 * says so. Synapses are stored per projection in CSR form keyed by the presynaptic local index.
 */
import type { Spec, LearningSpec } from './spec/schema';

export type NumericMode = 'fixed' | 'float';
export type ResetMode = 'zero' | 'subtract';

/** Fixed-point registers of one LIF or ALIF population (ranges as on the chip). */
export interface NeuronRegisters {
  du: number;
  dv: number;
  vth: number;
  biasMant: number;
  biasExp: number;
  refractory: number;
  /** ALIF only: decay register of the threshold offset, 0..4095, applied like `dv`. */
  dThreshold: number;
  /** ALIF only: threshold increment per spike, in units of 2^6. */
  adaptInc: number;
}

/**
 * Float-model constants of one population, on the same scale as the fixed model
 * (a weight mantissa `m` adds `m * 2^wExp * 2^6` to `u`, the threshold is `vth * 2^6`).
 */
export interface FloatNeuronParams {
  currentDecay: number;
  voltageDecay: number;
  thresholdDecay: number;
  threshold: number;
  bias: number;
  adaptInc: number;
  refractory: number;
  reset: ResetMode;
}

export interface PopulationProgram {
  name: string;
  index: number;
  /** First global neuron index of this population. */
  offset: number;
  size: number;
  kind: 'input' | 'neuron';
  model: 'lif' | 'alif' | null;
  registers: NeuronRegisters;
  float: FloatNeuronParams;
}

export interface ProjectionProgram {
  name: string;
  index: number;
  from: number;
  to: number;
  wExp: number;
  delayTicks: number;
  /** CSR row pointers over presynaptic local indices, length `from.size + 1`. */
  rowPtr: Int32Array;
  /** Postsynaptic local index of each synapse. */
  post: Int32Array;
  /**
   * Initial weight of each synapse: signed 8-bit mantissas (Int8Array) in fixed mode, reals on the
   * same scale (Float64Array) in float mode.
   */
  weights: Int8Array | Float64Array;
  learning: LearningSpec | null;
}

export interface CoreAssignment {
  chip: number;
  core: number;
  /** Mesh coordinates of the chip's core, used to count hops. */
  x: number;
  y: number;
  population: number;
  firstNeuron: number;
  neuronCount: number;
  synapseBytes: number;
  /** Distinct (projection, presynaptic neuron) pairs whose synapses this core stores. */
  inputAxons: number;
  /** Distinct (projection, destination core) routes of this core's neurons, summed over its neurons. */
  outputAxons: number;
}

/** Per-core limits of a chip profile, and the chip count a placement may use. */
export interface PlacementLimits {
  neuronsPerCore: number;
  synapseBytesPerCore: number;
  inputAxonsPerCore: number;
  outputAxonsPerCore: number;
  coresPerChip: number;
  maxChips: number;
}

export interface PlacementReport {
  profile: string;
  coresUsed: number;
  chipsUsed: number;
  cores: CoreAssignment[];
  populations: { name: string; size: number; cores: number; fanIn: number; fanOut: number }[];
  neurons: number;
  synapses: number;
  estimatedHopsPerSpike: number;
  /** The east-west (x) and north-south (y) parts of `estimatedHopsPerSpike`, priced differently. */
  estimatedHopsPerSpikeEastWest: number;
  estimatedHopsPerSpikeNorthSouth: number;
  limits: PlacementLimits;
  /** Limits the placement reports but does not enforce (axon counts), one line each. */
  warnings: string[];
}

export interface Program {
  spec: Spec;
  mode: NumericMode;
  seed: number;
  dtMs: number;
  populations: PopulationProgram[];
  projections: ProjectionProgram[];
  neuronCount: number;
  /** Largest delay register of any projection; the delay ring has `maxDelayTicks + 2` slots. */
  maxDelayTicks: number;
  placement: PlacementReport;
  /** Global neuron index to its core's position in `placement.cores`, for hop counting. */
  coreOfNeuron: Int32Array;
}
