import type { Spec } from '@/core/spec/schema';

/**
 * Counts the synapses a spec requests before it is compiled: dense `from x to`, one-to-one
 * `min`, sparse `p * from * to` (the expected count), list the number of pairs.
 */
export function plannedSynapseCount(spec: Spec): number {
  const sizes = new Map(spec.populations.map((population) => [population.name, population.size]));
  let total = 0;
  for (const projection of spec.projections) {
    const from = sizes.get(projection.from) ?? 0;
    const to = sizes.get(projection.to) ?? 0;
    const connectivity = projection.connectivity;
    if (connectivity.kind === 'dense') total += from * to - (connectivity.autapses === false ? from : 0);
    else if (connectivity.kind === 'one-to-one') total += Math.min(from, to);
    else if (connectivity.kind === 'sparse') total += connectivity.p * from * to;
    else total += connectivity.pairs.length;
  }
  return total;
}

export function neuronCount(spec: Spec): number {
  return spec.populations.reduce((sum, population) => sum + population.size, 0);
}
