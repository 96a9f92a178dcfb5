/**
 * Placement: populations split over cores, cores over chips.
 *
 * The placement is greedy and follows the spec's order. Each population starts a new core and
 * fills it neuron by neuron while both the neuron limit and the synaptic memory limit hold,
 * then opens the next core. A neuron's memory is its synapse bytes plus the input axons it adds
 * to the core, under the profile's cost model. A core contains neurons of one population only.
 * Input populations take cores too, as spike sources with no synaptic memory. Cores fill chips
 * in order, so a placement of n cores uses `ceil(n / coresPerChip)` chips.
 *
 * Enforced, with a `CompileError` naming the population, the limit and the amount needed: one
 * neuron whose synaptic memory alone exceeds a core's, and more chips than `maxChips`. Input and
 * output axon counts are reported per core and listed in `warnings` when above the profile's
 * limits, not enforced: a Loihi-like toolchain would split such cores further.
 */
import { CompileError } from '../errors';
import { CHIP_PROFILES, meshPosition, type ChipProfile, type ChipProfileName } from '../profiles';
import type { CoreAssignment, PlacementReport, PopulationProgram, ProjectionProgram } from '../program';
import { formatCount } from './limits';
import { IncomingIndex } from './placement-cost';
import { buildPlacementReport } from './placement-report';

export interface PlacementResult {
  report: PlacementReport;
  coreOfNeuron: Int32Array;
}

/** A core being filled: which neurons, and the memory and axons they use. */
export interface CoreDraft {
  population: number;
  firstNeuron: number;
  neuronCount: number;
  synapseBytes: number;
  inputAxons: number;
}

/** Places the network on the profile's cores; throws `CompileError` when it does not fit. */
export function placeNetwork(
  profileName: ChipProfileName,
  populations: readonly PopulationProgram[],
  projections: readonly ProjectionProgram[],
  neuronCount: number,
  maxChips: number,
): PlacementResult {
  const profile = CHIP_PROFILES[profileName];
  const coreOfNeuron = new Int32Array(neuronCount);
  const drafts: CoreDraft[] = [];

  const fanIns = populations.map((population) =>
    fillPopulation(profile, population, populations, projections, drafts, coreOfNeuron),
  );

  enforceChipCount(profile, populations, drafts, maxChips);
  const cores: CoreAssignment[] = drafts.map((draft, id) => ({
    ...meshPosition(profile, id),
    ...draft,
    outputAxons: 0,
  }));
  const report = buildPlacementReport(
    profile,
    maxChips,
    populations,
    projections,
    cores,
    coreOfNeuron,
    fanIns,
  );
  return { report, coreOfNeuron };
}

/** Places one population on new cores and returns its largest fan-in. */
function fillPopulation(
  profile: ChipProfile,
  population: PopulationProgram,
  populations: readonly PopulationProgram[],
  projections: readonly ProjectionProgram[],
  drafts: CoreDraft[],
  coreOfNeuron: Int32Array,
): number {
  const incoming = new IncomingIndex(population, populations, projections, profile);
  const axonBytes = profile.cost.bytesPerInputAxon;
  const open = (firstNeuron: number): CoreDraft => {
    const draft = {
      population: population.index,
      firstNeuron,
      neuronCount: 0,
      synapseBytes: 0,
      inputAxons: 0,
    };
    drafts.push(draft);
    return draft;
  };

  let core = open(0);
  let maxFanIn = 0;
  for (let local = 0; local < population.size; local++) {
    const synapseBytes = incoming.synapseBytes(local);
    maxFanIn = Math.max(maxFanIn, incoming.fanIn(local));

    if (core.neuronCount === profile.neuronsPerCore) core = open(local);
    let newAxons = incoming.takeAxons(local, drafts.length - 1);
    let bytes = synapseBytes + newAxons * axonBytes;

    if (core.neuronCount > 0 && core.synapseBytes + bytes > profile.synapseBytesPerCore) {
      core = open(local);
      newAxons = incoming.takeAxons(local, drafts.length - 1);
      bytes = synapseBytes + newAxons * axonBytes;
    }
    if (bytes > profile.synapseBytesPerCore) throw neuronTooLarge(profile, population, bytes, newAxons);

    core.neuronCount++;
    core.synapseBytes += bytes;
    core.inputAxons += newAxons;
    coreOfNeuron[population.offset + local] = drafts.length - 1;
  }
  return maxFanIn;
}

function neuronTooLarge(
  profile: ChipProfile,
  population: PopulationProgram,
  bytes: number,
  axons: number,
): CompileError {
  return new CompileError(
    'does-not-fit',
    `population ${JSON.stringify(population.name)} does not fit: one neuron needs ${formatCount(bytes)} bytes of ` +
      `synaptic memory (${formatCount(axons)} input axons and their synapses), above the ` +
      `${formatCount(profile.synapseBytesPerCore)} bytes of a ${profile.name} core (synapseBytesPerCore); reduce its fan-in`,
    {
      population: population.name,
      limit: 'synapseBytesPerCore',
      allowed: profile.synapseBytesPerCore,
      needed: bytes,
    },
  );
}

function enforceChipCount(
  profile: ChipProfile,
  populations: readonly PopulationProgram[],
  drafts: readonly CoreDraft[],
  maxChips: number,
): void {
  const maxCores = maxChips * profile.coresPerChip;
  const firstOverflow = drafts[maxCores];
  if (firstOverflow === undefined) return;

  const chipsNeeded = Math.ceil(drafts.length / profile.coresPerChip);
  const name = populations[firstOverflow.population]!.name;
  throw new CompileError(
    'does-not-fit',
    `population ${JSON.stringify(name)} does not fit: the network needs ${formatCount(drafts.length)} cores ` +
      `(${formatCount(chipsNeeded)} chips of ${profile.coresPerChip}), above limits.maxChips = ${formatCount(maxChips)} ` +
      `chips of the ${profile.name} profile; raise limits.maxChips (a compile option, or the server's limit setting)`,
    { population: name, limit: 'maxChips', allowed: maxChips, needed: chipsNeeded },
  );
}
