/**
 * Versioned energy cost tables: picojoules per counted event.
 *
 * Published tables are frozen and not edited. New figures get a new id, so an estimate stored with
 * a run can always be traced to the numbers it used. A table lists the counters it leaves out with
 * the reason, and an estimate reports those counters whenever they are non-zero.
 */
import type { CounterName } from './counters';

export interface EnergyCostTable {
  /** Stable identifier stored with every estimate. */
  readonly id: string;
  /** Citation of the publication the figures come from. */
  readonly source: string;
  /** Energy of one counted event, in picojoules. */
  readonly picojoulesPerEvent: Readonly<Partial<Record<CounterName, number>>>;
  /** Counters this table leaves out of the sum, with the reason. */
  readonly uncosted: Readonly<Partial<Record<CounterName, string>>>;
}

/**
 * Loihi's pre-silicon figures (14 nm), as published by Davies et al. in Table 2 of "Loihi: A
 * Neuromorphic Manycore Processor with On-Chip Learning", IEEE Micro 38(1), 2018.
 */
export const LOIHI_2018_TABLE2: EnergyCostTable = Object.freeze({
  id: 'loihi-2018-table2',
  source:
    'Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip Learning", ' +
    'IEEE Micro 38(1), 2018, Table 2 (pre-silicon figures)',
  picojoulesPerEvent: Object.freeze({
    synapticOps: 23.6,
    learningUpdates: 120,
    activeNeuronUpdates: 81,
    idleNeuronUpdates: 52,
    withinTileSpikes: 1.7,
    hopsEastWest: 3.0,
    hopsNorthSouth: 4.0,
  }),
  uncosted: Object.freeze({
    denseOps: 'counts the work of a dense engine for comparison; the chip does not perform it',
    spikes: 'a spike is costed through its within-tile message and its mesh hops',
    macOps: 'the table has no figure for graded multiply-accumulates, so the estimate leaves them out',
  }),
});

export const ENERGY_COST_TABLES: readonly EnergyCostTable[] = Object.freeze([LOIHI_2018_TABLE2]);

/** Returns the cost table with the given id, or throws a RangeError listing the known ids. */
export function getEnergyCostTable(id: string): EnergyCostTable {
  const table = ENERGY_COST_TABLES.find((candidate) => candidate.id === id);
  if (table === undefined) {
    const known = ENERGY_COST_TABLES.map((candidate) => candidate.id).join(', ');
    throw new RangeError(`energy cost table "${id}" not found; known tables: ${known}`);
  }
  return table;
}
