/**
 * Chip profiles: the per-core limits a network must fit, the mesh that places cores, and the
 * synaptic memory cost model.
 *
 * Mesh: each chip contains 128 cores on an 8 x 16 mesh (x runs east-west over 8 columns, y
 * north-south over 16 rows), and core `c` of a chip sits at `(c mod 8, floor(c / 8))`. Chips sit
 * on a board mesh, `chipColumns` chips per row, chip `k` at `(k mod chipColumns,
 * floor(k / chipColumns))`, and the core meshes join edge to edge, so global coordinates are
 * `(chipX * 8 + x, chipY * 16 + y)` and a route's hops are the Manhattan distance between them.
 * The board layout is our choice: the profiles only fix the per-chip mesh.
 *
 * Synaptic memory cost model (an estimate of a Loihi-like layout). A synapse is stored on the
 * core of its postsynaptic neuron, reached through an input axon, one per (projection,
 * presynaptic neuron) pair with synapses on that core:
 * - a dense projection stores a weight block, 1 byte (8-bit weight) per synapse, with targets
 *   implied by position;
 * - other connectivity stores 3 bytes per synapse: the 8-bit weight and a 16-bit target index
 *   (13 bits address 8,192 neurons, padded to 16);
 * - rules with a per-synapse eligibility (`rstdp`, `eprop`) add 2 bytes per synapse for it;
 *   pair STDP keeps its traces per neuron and adds nothing;
 * - each input axon costs 4 bytes: the offset and length of its synapse list.
 */

export type ChipProfileName = 'loihi2-like' | 'loihi1-like';

export interface SynapseCostModel {
  denseBytesPerSynapse: number;
  sparseBytesPerSynapse: number;
  eligibilityBytesPerSynapse: number;
  bytesPerInputAxon: number;
}

export interface ChipProfile {
  name: ChipProfileName;
  coresPerChip: number;
  /** Core mesh of one chip: columns run east-west, rows north-south. */
  meshColumns: number;
  meshRows: number;
  /** Chips per row of the board mesh. */
  chipColumns: number;
  neuronsPerCore: number;
  synapseBytesPerCore: number;
  inputAxonsPerCore: number;
  outputAxonsPerCore: number;
  cost: SynapseCostModel;
}

const SYNAPSE_COST: SynapseCostModel = {
  denseBytesPerSynapse: 1,
  sparseBytesPerSynapse: 3,
  eligibilityBytesPerSynapse: 2,
  bytesPerInputAxon: 4,
};

const SHARED = {
  coresPerChip: 128,
  meshColumns: 8,
  meshRows: 16,
  chipColumns: 4,
  synapseBytesPerCore: 128 * 1024,
  inputAxonsPerCore: 4096,
  outputAxonsPerCore: 4096,
  cost: SYNAPSE_COST,
};

export const CHIP_PROFILES: Readonly<Record<ChipProfileName, ChipProfile>> = Object.freeze({
  'loihi2-like': { name: 'loihi2-like', ...SHARED, neuronsPerCore: 8192 },
  'loihi1-like': { name: 'loihi1-like', ...SHARED, neuronsPerCore: 1024 },
});

export interface MeshPosition {
  chip: number;
  /** Core index inside its chip. */
  core: number;
  /** Global mesh coordinates: x east-west, y north-south. */
  x: number;
  y: number;
}

/** Returns the chip, core and global mesh coordinates of the `globalCore`-th core in fill order. */
export function meshPosition(profile: ChipProfile, globalCore: number): MeshPosition {
  const chip = Math.floor(globalCore / profile.coresPerChip);
  const core = globalCore % profile.coresPerChip;
  const chipX = chip % profile.chipColumns;
  const chipY = Math.floor(chip / profile.chipColumns);
  return {
    chip,
    core,
    x: chipX * profile.meshColumns + (core % profile.meshColumns),
    y: chipY * profile.meshRows + Math.floor(core / profile.meshColumns),
  };
}
