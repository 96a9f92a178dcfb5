/**
 * Connectivity in CSR form: `rowPtr` over presynaptic local indices (length `fromSize + 1`) and
 * `post`, the postsynaptic local index of each synapse, sorted by pre, then post.
 *
 * Sparse connectivity keeps each possible synapse with probability p, drawn from the stream
 * `connectivity/<projection name>`. It skips from one kept synapse to the next with a geometric
 * gap `floor(ln(U) / ln(1 - p))`, U uniform in (0, 1], which has the same distribution as one
 * Bernoulli draw per pair but costs one draw per synapse plus one per row. Each row starts its
 * own gap, which the geometric law's lack of memory allows.
 */
import type { ProjectionSpec } from '../spec/schema';
import { createStream } from '../random';
import { enforceLimit, type ServiceLimits } from './limits';

export interface Csr {
  rowPtr: Int32Array;
  post: Int32Array;
  /**
   * For `list` connectivity: the index in `pairs` of each synapse, since pairs may be given in
   * any order and their weights follow that order. Null for the other kinds.
   */
  sourceOrder: Int32Array | null;
}

/** Returns the synapse count a projection will have, or the expected count for sparse. */
export function plannedSynapses(projection: ProjectionSpec, fromSize: number, toSize: number): number {
  const connectivity = projection.connectivity;
  if (connectivity.kind === 'dense')
    return fromSize * toSize - (connectivity.autapses === false ? fromSize : 0);
  if (connectivity.kind === 'one-to-one') return fromSize;
  if (connectivity.kind === 'list') return connectivity.pairs.length;
  return connectivity.p * fromSize * toSize;
}

/**
 * Builds a projection's CSR. `synapsesBefore` counts the synapses of the projections built
 * earlier, so sparse draws stop with `limit-exceeded` as soon as the network passes
 * `limits.maxSynapses`. The caller checks the other kinds before they allocate.
 */
export function buildConnectivity(
  projection: ProjectionSpec,
  fromSize: number,
  toSize: number,
  seed: number,
  limits: ServiceLimits,
  synapsesBefore: number,
): Csr {
  const connectivity = projection.connectivity;
  switch (connectivity.kind) {
    case 'dense':
      return connectivity.autapses === false ? denseWithoutAutapsesCsr(fromSize) : denseCsr(fromSize, toSize);
    case 'one-to-one':
      return oneToOneCsr(fromSize);
    case 'list':
      return listCsr(connectivity.pairs, fromSize);
    case 'sparse':
      return sparseCsr(
        connectivity.p,
        fromSize,
        toSize,
        createStream(seed, `connectivity/${projection.name}`),
        (count) =>
          enforceLimit(
            limits,
            'maxSynapses',
            synapsesBefore + count,
            `the network (at projection ${JSON.stringify(projection.name)})`,
          ),
      );
  }
}

function denseCsr(fromSize: number, toSize: number): Csr {
  const rowPtr = new Int32Array(fromSize + 1);
  const post = new Int32Array(fromSize * toSize);
  for (let pre = 0; pre < fromSize; pre++) {
    rowPtr[pre + 1] = (pre + 1) * toSize;
    for (let j = 0; j < toSize; j++) post[pre * toSize + j] = j;
  }
  return { rowPtr, post, sourceOrder: null };
}

/** Builds every pair i -> j of one population with i != j, in the pre-major order of `denseCsr`. */
function denseWithoutAutapsesCsr(size: number): Csr {
  const rowPtr = new Int32Array(size + 1);
  const post = new Int32Array(size * (size - 1));
  let k = 0;
  for (let pre = 0; pre < size; pre++) {
    for (let j = 0; j < size; j++) if (j !== pre) post[k++] = j;
    rowPtr[pre + 1] = k;
  }
  return { rowPtr, post, sourceOrder: null };
}

function oneToOneCsr(size: number): Csr {
  const rowPtr = new Int32Array(size + 1);
  const post = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    rowPtr[i + 1] = i + 1;
    post[i] = i;
  }
  return { rowPtr, post, sourceOrder: null };
}

function listCsr(pairs: readonly [number, number][], fromSize: number): Csr {
  const order = Int32Array.from(pairs.keys());
  order.sort((a, b) => pairs[a]![0] - pairs[b]![0] || pairs[a]![1] - pairs[b]![1]);

  const rowPtr = new Int32Array(fromSize + 1);
  const post = new Int32Array(pairs.length);
  order.forEach((source, k) => {
    const [pre, target] = pairs[source]!;
    rowPtr[pre + 1]!++;
    post[k] = target;
  });
  for (let pre = 0; pre < fromSize; pre++) rowPtr[pre + 1]! += rowPtr[pre]!;
  return { rowPtr, post, sourceOrder: order };
}

/** A uniform source of floats in [0, 1), like a `RandomStream`. */
interface FloatSource {
  nextFloat(): number;
}

export function sparseCsr(
  p: number,
  fromSize: number,
  toSize: number,
  stream: FloatSource,
  checkCount: (count: number) => void,
): Csr {
  if (p >= 1) return denseCsr(fromSize, toSize);

  const logKeep = Math.log1p(-p);
  const gap = () => Math.floor(Math.log(1 - stream.nextFloat()) / logKeep);

  const rowPtr = new Int32Array(fromSize + 1);
  let post = new Int32Array(Math.min(2 ** 30, Math.ceil(p * fromSize * toSize * 1.1) + 16));
  let count = 0;

  for (let pre = 0; pre < fromSize; pre++) {
    for (let target = gap(); target < toSize; target += 1 + gap()) {
      if (count === post.length) {
        checkCount(count + 1);
        const grown = new Int32Array(post.length * 2);
        grown.set(post);
        post = grown;
      }
      post[count++] = target;
    }
    rowPtr[pre + 1] = count;
  }

  checkCount(count);
  return { rowPtr, post: post.slice(0, count), sourceOrder: null };
}
