/**
 * NeuroBench-style figures of a run, from its compiled program and its counters: footprint,
 * connection sparsity, activation sparsity and synaptic operations per sample.
 *
 * Footprint counts what the simulator keeps per network: weights (1 byte per fixed-mode mantissa,
 * 8 per float weight), CSR indices (4 bytes), neuron state (fixed: u, v and the threshold offset
 * as int32 plus one refractory byte, 13 bytes; float: three float64 and one byte, 25 bytes) and
 * the delay ring (int32 in fixed mode, float64 in float mode). Learning state is not included.
 */
import type { Program } from '../program';
import type { Counters } from '../energy/counters';
import {
  activationSparsity,
  connectionSparsity,
  footprintBytes,
  synapticOpsPerSample,
} from '../metrics/neurobench';
import type { Footprint, SynapticOpsPerSample } from '../metrics/neurobench';

export interface RunFigures {
  footprint: Footprint;
  connectionSparsity: number | null;
  activationSparsity: number | null;
  synapticOpsPerSample: SynapticOpsPerSample | null;
}

export function runFigures(
  program: Program,
  counters: Counters,
  activity: { neuronSpikes: number; ticks: number; samples: number },
): RunFigures {
  const fixed = program.mode === 'fixed';
  const modelPopulations = program.populations.filter((p) => p.kind !== 'input');
  const shapes = program.projections.map((projection) => ({
    preSize: program.populations[projection.from]!.size,
    postSize: program.populations[projection.to]!.size,
    synapses: projection.post.length,
  }));

  return {
    footprint: footprintBytes({
      projections: shapes.map((shape) => ({ ...shape, bytesPerWeight: fixed ? 1 : 8 })),
      populations: modelPopulations.map((p) => ({ size: p.size, bytesPerNeuron: fixed ? 13 : 25 })),
      delayRing: {
        slots: program.maxDelayTicks + 2,
        neurons: program.neuronCount,
        bytesPerEntry: fixed ? 4 : 8,
      },
    }),
    connectionSparsity: connectionSparsity(shapes),
    activationSparsity: activationSparsity({
      spikes: activity.neuronSpikes,
      neurons: modelPopulations.reduce((sum, p) => sum + p.size, 0),
      ticks: activity.ticks,
    }),
    synapticOpsPerSample: synapticOpsPerSample(counters, activity.samples),
  };
}
