/**
 * Synaptic memory a neuron needs on its core, under the cost model of the chip profile.
 *
 * A synapse lives on the core of its postsynaptic neuron and is reached through an input axon,
 * one per (projection, presynaptic neuron) pair with synapses on that core. A projection that
 * connects every pre to every post is stored as a dense block, 1 byte per synapse; any other
 * projection stores a weight and a target index per synapse. Rules with a per-synapse
 * eligibility (`rstdp`, `eprop`) add its bytes. Input axons are shared by all the neurons of a
 * core, so their cost depends on which neurons share it: `IncomingIndex` counts the axons a
 * neuron would add to a core.
 */
import type { ChipProfile } from '../profiles';
import type { PopulationProgram, ProjectionProgram } from '../program';

/**
 * Incoming synapses of one projection, seen from its target population. `axonStamp` holds the
 * core id that last took each pre as an input axon; a dense block needs one stamp, since every
 * target neuron has all `fromSize` pres.
 */
type IncomingProjection =
  | { dense: true; fromSize: number; axonStamp: Int32Array }
  | {
      dense: false;
      fromSize: number;
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

/** Returns the synapse bytes of every neuron (global index), input axons not included. */
export function synapseBytesPerNeuron(
  populations: readonly PopulationProgram[],
  projections: readonly ProjectionProgram[],
  neuronCount: number,
  profile: ChipProfile,
): Float64Array {
  const bytes = new Float64Array(neuronCount);
  for (const projection of projections) {
    const cost = bytesPerSynapse(projection, isDense(projection, populations), profile);
    const offset = populations[projection.to]!.offset;
    const post = projection.post;
    for (let k = 0; k < post.length; k++) bytes[offset + post[k]!]! += cost;
  }
  return bytes;
}

/** Counts and takes the input axons each neuron of one target population adds to its core. */
export class IncomingIndex {
  private readonly incoming: IncomingProjection[];

  constructor(
    population: PopulationProgram,
    populations: readonly PopulationProgram[],
    projections: readonly ProjectionProgram[],
  ) {
    this.incoming = projections
      .filter((projection) => projection.to === population.index)
      .map((projection): IncomingProjection => {
        const fromSize = populations[projection.from]!.size;
        if (isDense(projection, populations)) {
          return { dense: true, fromSize, axonStamp: new Int32Array(1).fill(-1) };
        }
        const { colPtr, pre } = transpose(projection, fromSize, population.size);
        return { dense: false, fromSize, axonStamp: new Int32Array(fromSize).fill(-1), colPtr, pre };
      });
  }

  /** Returns how many input axons neuron `target` adds to core `coreId`. */
  countNewAxons(target: number, coreId: number): number {
    let count = 0;
    for (const p of this.incoming) {
      if (p.dense) {
        if (p.axonStamp[0] !== coreId) count += p.fromSize;
        continue;
      }
      for (let k = p.colPtr[target]!; k < p.colPtr[target + 1]!; k++) {
        if (p.axonStamp[p.pre[k]!] !== coreId) count++;
      }
    }
    return count;
  }

  /** Marks the input axons of neuron `target` as present on core `coreId`. */
  takeAxons(target: number, coreId: number): void {
    for (const p of this.incoming) {
      if (p.dense) {
        p.axonStamp[0] = coreId;
        continue;
      }
      for (let k = p.colPtr[target]!; k < p.colPtr[target + 1]!; k++) p.axonStamp[p.pre[k]!] = coreId;
    }
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
  const pre = new Int32Array(projection.post.length);
  for (let i = 0; i < fromSize; i++) {
    for (let k = projection.rowPtr[i]!; k < projection.rowPtr[i + 1]!; k++) {
      pre[next[post[k]!]!++] = i;
    }
  }
  return { colPtr, pre };
}
