/**
 * NeuroBench-style figures of a run, with the definitions of the NeuroBench harness documentation
 * (github.com/NeuroBench/neurobench, docs/metrics: "Model Footprint", "Connection Sparsity",
 * "Activation Sparsity", "Synaptic Operations"), restated for a spiking network stored as sparse
 * projections:
 *
 * - Footprint: bytes needed to represent the model: parameters and buffers. Here that is the
 *   weights, the sparse connectivity (CSR indices), per-synapse learning state, neuron state and
 *   the delay ring. Stored zero weights count, as in NeuroBench.
 * - Connection sparsity: zero-valued weights over all weights of a dense layer, summed over
 *   layers: `1 - sum(nonzero synapses) / sum(pre * post)`. A synapse pair that is not stored is a
 *   zero weight of the dense matrix.
 * - Activation sparsity: zero activations over all activations, over all neuron layers, time
 *   steps and samples. With binary spikes: `1 - spikes / (neurons * ticks)`. Only neurons with a
 *   model count; input populations are data, not activations.
 * - Synaptic operations per sample: effective accumulates (binary events times the synapses they
 *   reach), effective multiply-accumulates (graded inputs) and dense operations (every synapse
 *   slot every tick), each averaged over the samples. NeuroBench also skips zero weights in the
 *   effective counts; the chip counter includes stored zero weights, because the chip reads them.
 *
 * A figure that is undefined for its input (no possible synapse, no neuron-tick, no sample) is
 * returned as null.
 */
import type { Counters } from '../energy/counters';

function checkCount(path: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${path} must be a non-negative integer, got ${value}`);
  }
}

function checkBytes(path: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${path} must be a finite number of bytes, at least 0, got ${value}`);
  }
}

export interface ProjectionFootprintSizes {
  preSize: number;
  synapses: number;
  /** 1 for signed 8-bit mantissas, 8 for float64 weights. */
  bytesPerWeight: number;
  /** Width of a CSR index (row pointer or postsynaptic index); 4 for Int32Array. */
  bytesPerIndex?: number;
  /** Learning state per synapse (eligibility, for example); 0 for a frozen projection. */
  bytesPerSynapseState?: number;
}

export interface FootprintSizes {
  projections: readonly ProjectionFootprintSizes[];
  /** Populations with a neuron model, with the bytes of state each neuron keeps. */
  populations: readonly { size: number; bytesPerNeuron: number }[];
  delayRing: { slots: number; neurons: number; bytesPerEntry: number };
}

export interface Footprint {
  weightsBytes: number;
  /** CSR row pointers (`preSize + 1` each) and postsynaptic indices (one per synapse). */
  connectivityBytes: number;
  synapseStateBytes: number;
  neuronStateBytes: number;
  delayRingBytes: number;
  totalBytes: number;
}

/** Returns the memory footprint of a network, in bytes, with its breakdown. */
export function footprintBytes(sizes: FootprintSizes): Footprint {
  let weightsBytes = 0;
  let connectivityBytes = 0;
  let synapseStateBytes = 0;
  sizes.projections.forEach((projection, i) => {
    const path = `projections[${i}]`;
    checkCount(`${path}.preSize`, projection.preSize);
    checkCount(`${path}.synapses`, projection.synapses);
    checkBytes(`${path}.bytesPerWeight`, projection.bytesPerWeight);
    const bytesPerIndex = projection.bytesPerIndex ?? 4;
    const bytesPerSynapseState = projection.bytesPerSynapseState ?? 0;
    checkBytes(`${path}.bytesPerIndex`, bytesPerIndex);
    checkBytes(`${path}.bytesPerSynapseState`, bytesPerSynapseState);

    weightsBytes += projection.synapses * projection.bytesPerWeight;
    connectivityBytes += (projection.preSize + 1 + projection.synapses) * bytesPerIndex;
    synapseStateBytes += projection.synapses * bytesPerSynapseState;
  });

  let neuronStateBytes = 0;
  sizes.populations.forEach((population, i) => {
    checkCount(`populations[${i}].size`, population.size);
    checkBytes(`populations[${i}].bytesPerNeuron`, population.bytesPerNeuron);
    neuronStateBytes += population.size * population.bytesPerNeuron;
  });

  const ring = sizes.delayRing;
  checkCount('delayRing.slots', ring.slots);
  checkCount('delayRing.neurons', ring.neurons);
  checkBytes('delayRing.bytesPerEntry', ring.bytesPerEntry);
  const delayRingBytes = ring.slots * ring.neurons * ring.bytesPerEntry;

  return {
    weightsBytes,
    connectivityBytes,
    synapseStateBytes,
    neuronStateBytes,
    delayRingBytes,
    totalBytes: weightsBytes + connectivityBytes + synapseStateBytes + neuronStateBytes + delayRingBytes,
  };
}

export interface ProjectionShape {
  preSize: number;
  postSize: number;
  /** Stored synapses. */
  synapses: number;
  /** Stored synapses whose weight is zero; they count as absent. Default 0. */
  zeroWeightSynapses?: number;
}

/** Returns the share of zero weights over all dense weight slots, or null with no slot at all. */
export function connectionSparsity(projections: readonly ProjectionShape[]): number | null {
  let nonzero = 0;
  let slots = 0;
  projections.forEach((projection, i) => {
    const path = `projections[${i}]`;
    const zeroWeights = projection.zeroWeightSynapses ?? 0;
    checkCount(`${path}.preSize`, projection.preSize);
    checkCount(`${path}.postSize`, projection.postSize);
    checkCount(`${path}.synapses`, projection.synapses);
    checkCount(`${path}.zeroWeightSynapses`, zeroWeights);
    const projectionSlots = projection.preSize * projection.postSize;
    if (projection.synapses > projectionSlots) {
      throw new RangeError(
        `${path}.synapses must be at most preSize * postSize = ${projectionSlots}, got ${projection.synapses}`,
      );
    }
    if (zeroWeights > projection.synapses) {
      throw new RangeError(
        `${path}.zeroWeightSynapses must be at most synapses = ${projection.synapses}, got ${zeroWeights}`,
      );
    }

    nonzero += projection.synapses - zeroWeights;
    slots += projectionSlots;
  });

  if (slots === 0) return null;
  return 1 - nonzero / slots;
}

export interface ActivationCounts {
  /** Spikes of neurons with a model, over all ticks and samples. */
  spikes: number;
  /** Neurons with a model (input populations excluded). */
  neurons: number;
  /** Ticks simulated, over all samples. */
  ticks: number;
}

/** Returns `1 - spikes / (neurons * ticks)`, or null when there is no neuron-tick. */
export function activationSparsity(counts: ActivationCounts): number | null {
  checkCount('spikes', counts.spikes);
  checkCount('neurons', counts.neurons);
  checkCount('ticks', counts.ticks);
  const activations = counts.neurons * counts.ticks;
  if (activations === 0) return null;
  if (counts.spikes > activations) {
    throw new RangeError(`spikes must be at most neurons * ticks = ${activations}, got ${counts.spikes}`);
  }
  return 1 - counts.spikes / activations;
}

export interface SynapticOpsPerSample {
  effectiveAccumulates: number;
  effectiveMultiplyAccumulates: number;
  dense: number;
}

/** Averages the synaptic operation counters over `samples`; null for zero samples. */
export function synapticOpsPerSample(
  counters: Readonly<Counters>,
  samples: number,
): SynapticOpsPerSample | null {
  checkCount('samples', samples);
  if (samples === 0) return null;
  return {
    effectiveAccumulates: counters.synapticOps / samples,
    effectiveMultiplyAccumulates: counters.macOps / samples,
    dense: counters.denseOps / samples,
  };
}

/** Returns the dense synaptic operations of one tick: the sum of `preSize * postSize`. */
export function denseOpsPerTick(
  projections: readonly Pick<ProjectionShape, 'preSize' | 'postSize'>[],
): number {
  let total = 0;
  projections.forEach((projection, i) => {
    checkCount(`projections[${i}].preSize`, projection.preSize);
    checkCount(`projections[${i}].postSize`, projection.postSize);
    total += projection.preSize * projection.postSize;
  });
  return total;
}
