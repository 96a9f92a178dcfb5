/**
 * Mesh traffic of spikes, for the energy estimate.
 *
 * A spike leaving a core is routed once to every core that hosts a population its source projects
 * to, whatever the connectivity (an estimate: a sparse projection may not reach every target core).
 * Each routed packet costs one within-tile spike and the Manhattan distance between the two cores'
 * mesh coordinates, counted east-west (x) and north-south (y) apart. Routing never changes arrival
 * time. The table is per source core, so counting a spike is three additions.
 */
import type { Program } from '../program';
import type { Counters } from '../energy/counters';

export class HopTable {
  private readonly coreOfNeuron: Int32Array;
  private readonly eastWest: Float64Array;
  private readonly northSouth: Float64Array;
  private readonly packets: Float64Array;

  constructor(program: Program) {
    const cores = program.placement.cores;
    this.coreOfNeuron = program.coreOfNeuron;
    this.eastWest = new Float64Array(cores.length);
    this.northSouth = new Float64Array(cores.length);
    this.packets = new Float64Array(cores.length);

    const coresOfPopulation = program.populations.map((population) =>
      cores.filter((core) => core.population === population.index),
    );

    cores.forEach((source, c) => {
      const targetPopulations = new Set(
        program.projections.filter((p) => p.from === source.population).map((p) => p.to),
      );
      for (const population of targetPopulations) {
        for (const target of coresOfPopulation[population] ?? []) {
          this.eastWest[c]! += Math.abs(source.x - target.x);
          this.northSouth[c]! += Math.abs(source.y - target.y);
          this.packets[c]! += 1;
        }
      }
    });
  }

  count(globalIndex: number, counters: Counters): void {
    const core = this.coreOfNeuron[globalIndex]!;
    if (core < 0) return;
    counters.withinTileSpikes += this.packets[core]!;
    counters.hopsEastWest += this.eastWest[core]!;
    counters.hopsNorthSouth += this.northSouth[core]!;
  }
}
