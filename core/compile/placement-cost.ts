/**
 * Synaptic memory a neuron needs on its core, under the cost model of the chip profile.
 *
 * A synapse lives on the core of its postsynaptic neuron and is reached through an input axon,
 * one per (projection, presynaptic neuron) pair with synapses on that core. A projection that
 * connects every pre to every post is stored as a dense block of 1 byte per synapse. Any other
 * projection stores a weight and a target index per synapse. Rules with a per-synapse
 * eligibility (`rstdp`, `eprop`) add its bytes. All the neurons of a core share its input
 * axons, so their cost depends on which neurons share the core. `IncomingIndex` tracks which
 * axons the current core already has.
 */
import type { ChipProfile } from '../profiles';
import type { PopulationProgram, ProjectionProgram } from '../program';

/**
 * Incoming synapses of one projection, seen from its target population. `axonStamp` contains
 * the core id that last took each pre as an input axon. A dense block needs only one stamp,
 * because every target neuron has all `fromSize` pres.
 */
type IncomingProjection =
  | { dense: true; fromSize: number; bytesPerSynapse: number; axonStamp: Int32Array }
  | {
      dense: false;
      fromSize: number;
      bytesPerSynapse: number;
      axonStamp: Int32Array;
      /** Column pointers over target local indices, and the pre of each synapse. */
      colPtr: Int32Array;
      pre: Int32Array;
    };

export function isDense(projection: ProjectionProgram, populations: readonly PopulationProgram[]): boolean {
  const fromSize = populations[projection.from]!.size;
  const toSize = populations[projection.to]!.size;
  return projection.post.length === fromSize * toSize;
}

/** Returns the bytes one synapse of `projection` takes. */
export function bytesPerSynapse(projection: ProjectionProgram, dense: boolean, profile: ChipProfile): number {
  const base = dense ? profile.cost.denseBytesPerSynapse : profile.cost.sparseBytesPerSynapse;
  const rule = projection.learning?.rule;
  const eligibility = rule === 'rstdp' || rule === 'eprop' ? profile.cost.eligibilityBytesPerSynapse : 0;
  return base + eligibility;
}

/** Fan-in, synapse bytes and input axons of the neurons of one target population. */
export class IncomingIndex {
  private readonly incoming: IncomingProjection[];

  constructor(
    population: PopulationProgram,
    populations: readonly PopulationProgram[],
    projections: readonly ProjectionProgram[],
    profile: ChipProfile,
  ) {
    this.incoming = projections
      .filter((projection) => projection.to === population.index)
      .map((projection): IncomingProjection => {
        const fromSize = populations[projection.from]!.size;
        const dense = isDense(projection, populations);
        const cost = bytesPerSynapse(projection, dense, profile);
        if (dense) return { dense, fromSize, bytesPerSynapse: cost, axonStamp: new Int32Array(1).fill(-1) };

        const { colPtr, pre } = transpose(projection, fromSize, population.size);
        const axonStamp = new Int32Array(fromSize).fill(-1);
        return { dense, fromSize, bytesPerSynapse: cost, axonStamp, colPtr, pre };
      });
  }

  /** Returns the synapses into neuron `target` over all incoming projections. */
  fanIn(target: number): number {
    let count = 0;
    for (const p of this.incoming) count += p.dense ? p.fromSize : p.colPtr[target + 1]! - p.colPtr[target]!;
    return count;
  }

  /** Returns the synapse bytes of neuron `target`, input axons not included. */
  synapseBytes(target: number): number {
    let bytes = 0;
    for (const p of this.incoming) {
      const synapses = p.dense ? p.fromSize : p.colPtr[target + 1]! - p.colPtr[target]!;
      bytes += synapses * p.bytesPerSynapse;
    }
    return bytes;
  }

  /**
   * Marks the input axons of neuron `target` as present on core `coreId` and returns how many
   * were new there. Marks left on a core that is then closed do no harm, since no neuron is
   * added to it later.
   */
  takeAxons(target: number, coreId: number): number {
    let count = 0;
    for (const p of this.incoming) {
      if (p.dense) {
        if (p.axonStamp[0] !== coreId) count += p.fromSize;
        p.axonStamp[0] = coreId;
        continue;
      }
      const { colPtr, pre, axonStamp } = p;
      for (let k = colPtr[target]!; k < colPtr[target + 1]!; k++) {
        if (axonStamp[pre[k]!] === coreId) continue;
        axonStamp[pre[k]!] = coreId;
        count++;
      }
    }
    return count;
  }
}

/** Returns the CSC form (columns over targets) of a projection's CSR. */
function transpose(
  projection: ProjectionProgram,
  fromSize: number,
  toSize: number,
): { colPtr: Int32Array; pre: Int32Array } {
  const colPtr = new Int32Array(toSize + 1);
  const post = projection.post;
  for (let k = 0; k < post.length; k++) colPtr[post[k]! + 1]!++;
  for (let j = 0; j < toSize; j++) colPtr[j + 1]! += colPtr[j]!;

  const next = colPtr.slice(0, toSize);
  const pre = new Int32Array(post.length);
  const rowPtr = projection.rowPtr;
  for (let i = 0; i < fromSize; i++) {
    const stop = rowPtr[i + 1]!;
    for (let k = rowPtr[i]!; k < stop; k++) {
      const column = post[k]!;
      pre[next[column]!] = i;
      next[column]!++;
    }
  }
  return { colPtr, pre };
}
