/**
 * The placement report: per-core memory and axons, per-population fan-in and fan-out, and the
 * estimated mesh hops per spike.
 *
 * Routing: a neuron's spike travels once to every distinct (projection, destination core) pair
 * its synapses reach, an output axon of its core. Its hops are the Manhattan distance between
 * the two cores' global mesh coordinates, east-west (x) and north-south (y) counted apart, since
 * they are priced differently. `estimatedHopsPerSpike` averages the hops of one spike over the
 * neurons that have at least one synapse, as if they all fired equally often (an estimate: real
 * rates differ). Fan-in and fan-out of a population are the largest synapse counts into and out
 * of one of its neurons.
 */
import type { ChipProfile } from '../profiles';
import type { CoreAssignment, PlacementReport, PopulationProgram, ProjectionProgram } from '../program';
import { formatCount } from './limits';

/** Warnings listed one by one before the rest are counted. */
const MAX_WARNINGS = 10;

export function buildPlacementReport(
  profile: ChipProfile,
  maxChips: number,
  populations: readonly PopulationProgram[],
  projections: readonly ProjectionProgram[],
  cores: CoreAssignment[],
  coreOfNeuron: Int32Array,
  fanIns: readonly number[],
): PlacementReport {
  const hops = countRoutes(populations, projections, cores, coreOfNeuron);
  const sources = Math.max(1, hops.sources);

  return {
    profile: profile.name,
    coresUsed: cores.length,
    chipsUsed: Math.ceil(cores.length / profile.coresPerChip),
    cores,
    populations: populations.map((population) => ({
      name: population.name,
      size: population.size,
      cores: cores.filter((core) => core.population === population.index).length,
      fanIn: fanIns[population.index] ?? 0,
      fanOut: maxFanOut(population, projections),
    })),
    neurons: coreOfNeuron.length,
    synapses: projections.reduce((sum, projection) => sum + projection.post.length, 0),
    estimatedHopsPerSpike: (hops.eastWest + hops.northSouth) / sources,
    estimatedHopsPerSpikeEastWest: hops.eastWest / sources,
    estimatedHopsPerSpikeNorthSouth: hops.northSouth / sources,
    limits: {
      neuronsPerCore: profile.neuronsPerCore,
      synapseBytesPerCore: profile.synapseBytesPerCore,
      inputAxonsPerCore: profile.inputAxonsPerCore,
      outputAxonsPerCore: profile.outputAxonsPerCore,
      coresPerChip: profile.coresPerChip,
      maxChips,
    },
    warnings: axonWarnings(profile, populations, cores),
  };
}

/** Counts output axons per core (written into `cores`) and the hops of every route. */
function countRoutes(
  populations: readonly PopulationProgram[],
  projections: readonly ProjectionProgram[],
  cores: CoreAssignment[],
  coreOfNeuron: Int32Array,
): { eastWest: number; northSouth: number; sources: number } {
  const hasRoute = new Uint8Array(coreOfNeuron.length);
  let eastWest = 0;
  let northSouth = 0;

  for (const projection of projections) {
    const fromOffset = populations[projection.from]!.offset;
    const toOffset = populations[projection.to]!.offset;
    const fromSize = populations[projection.from]!.size;

    const { rowPtr, post } = projection;

    for (let pre = 0; pre < fromSize; pre++) {
      const source = cores[coreOfNeuron[fromOffset + pre]!]!;
      let lastTarget = -1;
      // Posts are sorted and a population fills cores in order, so equal cores are adjacent.
      for (let k = rowPtr[pre]!; k < rowPtr[pre + 1]!; k++) {
        const targetCore = coreOfNeuron[toOffset + post[k]!]!;
        if (targetCore === lastTarget) continue;
        lastTarget = targetCore;

        const target = cores[targetCore]!;
        source.outputAxons++;
        eastWest += Math.abs(source.x - target.x);
        northSouth += Math.abs(source.y - target.y);
        hasRoute[fromOffset + pre] = 1;
      }
    }
  }

  const sources = hasRoute.reduce((sum, flag) => sum + flag, 0);
  return { eastWest, northSouth, sources };
}

/** Returns the largest number of synapses out of one neuron of `population`. */
function maxFanOut(population: PopulationProgram, projections: readonly ProjectionProgram[]): number {
  const outgoing = projections.filter((projection) => projection.from === population.index);
  let max = 0;
  for (let pre = 0; pre < population.size; pre++) {
    let fanOut = 0;
    for (const { rowPtr } of outgoing) fanOut += rowPtr[pre + 1]! - rowPtr[pre]!;
    max = Math.max(max, fanOut);
  }
  return max;
}

function axonWarnings(
  profile: ChipProfile,
  populations: readonly PopulationProgram[],
  cores: CoreAssignment[],
): string[] {
  const lines: string[] = [];
  let over = 0;

  cores.forEach((core, id) => {
    const checks: [string, number, number][] = [
      ['input axons', core.inputAxons, profile.inputAxonsPerCore],
      ['output axons', core.outputAxons, profile.outputAxonsPerCore],
    ];
    for (const [what, used, limit] of checks) {
      if (used <= limit) continue;
      over++;
      if (lines.length >= MAX_WARNINGS) continue;
      lines.push(
        `core ${id} (population ${JSON.stringify(populations[core.population]!.name)}) uses ${formatCount(used)} ${what}, ` +
          `above the ${formatCount(limit)} of a ${profile.name} core; a chip toolchain would split it further`,
      );
    }
  });

  if (over > lines.length) lines.push(`${over - lines.length} more axon counts above the core limits`);
  return lines;
}
