/**
 * Energy estimate of a run: each counter times its cost in a versioned table.
 *
 * The result is always an estimate. Its figures come from a published table, not from a
 * measurement, and it carries the table's id and source so that any screen showing it can label it as such.
 * Joules are summed in `COUNTER_NAMES` order, each term computed as `count * pJ / 1e12`, so the
 * same counters always give the same bits.
 */
import { COUNTER_NAMES } from './counters';
import type { CounterName, Counters } from './counters';
import { LOIHI_2018_TABLE2 } from './cost-tables';
import type { EnergyCostTable } from './cost-tables';

export interface UncostedCounter {
  counter: CounterName;
  count: number;
  reason: string;
}

export interface EnergyEstimate {
  /** Marks the value as an estimate wherever it travels. */
  kind: 'estimate';
  joules: number;
  /** Joules per costed counter. */
  breakdown: Partial<Record<CounterName, number>>;
  table: { id: string; source: string };
  /** Non-zero counters the table leaves out. */
  uncosted: UncostedCounter[];
  /** Human-readable label, for example "estimate, cost table loihi-2018-table2". */
  label: string;
}

const PICOJOULES_PER_JOULE = 1e12;

/** Estimates the energy of the counted activity with `table` (Loihi 2018 Table 2 by default). */
export function estimateEnergy(
  counters: Readonly<Counters>,
  table: EnergyCostTable = LOIHI_2018_TABLE2,
): EnergyEstimate {
  const breakdown: Partial<Record<CounterName, number>> = {};
  const uncosted: UncostedCounter[] = [];
  let joules = 0;

  for (const name of COUNTER_NAMES) {
    const count = counters[name];
    const picojoules = table.picojoulesPerEvent[name];
    if (picojoules !== undefined) {
      const term = (count * picojoules) / PICOJOULES_PER_JOULE;
      breakdown[name] = term;
      joules += term;
    } else if (count !== 0) {
      const reason = table.uncosted[name] ?? 'the table has no figure for this counter';
      uncosted.push({ counter: name, count, reason });
    }
  }

  return {
    kind: 'estimate',
    joules,
    breakdown,
    table: { id: table.id, source: table.source },
    uncosted,
    label: `estimate, cost table ${table.id}`,
  };
}
