/**
 * Service limits on the size of a network, checked on the parsed spec before anything is
 * compiled, so an oversized network is refused by the request instead of failing in a worker.
 *
 * Synapses are counted from the connectivity: `dense` is from x to (less the diagonal without
 * autapses), `one-to-one` is the size,
 * `list` is the number of pairs, and `sparse` with probability p is the expected count
 * ceil(p x from x to). The compiler draws a sparse projection at random, so its real count may
 * exceed the estimate by a few standard deviations; the limit is a guard against abuse, not an
 * exact budget.
 */
import { InvalidError } from '../errors';
import type { Spec } from './core-api';

export interface NetworkSizeLimits {
  maxNeurons: number;
  maxSynapses: number;
}

type Projection = Spec['projections'][number];

function synapsesOf(projection: Projection, sizes: Map<string, number>): number {
  const from = sizes.get(projection.from) ?? 0;
  const to = sizes.get(projection.to) ?? 0;
  const connectivity = projection.connectivity;

  switch (connectivity.kind) {
    case 'dense':
      return from * to - (connectivity.autapses === false ? from : 0);
    case 'one-to-one':
      return Math.min(from, to);
    case 'sparse':
      return Math.ceil(connectivity.p * from * to);
    case 'list':
      return connectivity.pairs.length;
  }
}

/** Counts neurons and synapses of a parsed spec. */
export function measureNetwork(spec: Spec): { neurons: number; synapses: number } {
  const sizes = new Map(spec.populations.map((population) => [population.name, population.size]));
  const neurons = spec.populations.reduce((sum, population) => sum + population.size, 0);
  const synapses = spec.projections.reduce((sum, projection) => sum + synapsesOf(projection, sizes), 0);
  return { neurons, synapses };
}

/** Throws InvalidError naming the limit and the value when the network is too large. */
export function assertNetworkWithinLimits(spec: Spec, limits: NetworkSizeLimits): void {
  const { neurons, synapses } = measureNetwork(spec);

  if (neurons > limits.maxNeurons) {
    throw new InvalidError(
      `the network has ${neurons} neurons, more than the limit of ${limits.maxNeurons} (LIVENET_MAX_NEURONS_PER_RUN)`,
      [{ path: 'populations', message: `at most ${limits.maxNeurons} neurons in all`, value: neurons }],
    );
  }
  if (synapses > limits.maxSynapses) {
    throw new InvalidError(
      `the network has ${synapses} synapses, more than the limit of ${limits.maxSynapses} (LIVENET_MAX_SYNAPSES_PER_RUN)`,
      [{ path: 'projections', message: `at most ${limits.maxSynapses} synapses in all`, value: synapses }],
    );
  }
}
