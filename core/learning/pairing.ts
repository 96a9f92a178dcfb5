/**
 * The spike pairings of pair-based plasticity, shared by STDP and reward-modulated STDP.
 *
 * One tick, in this order (traces are read after their decay for this tick):
 *   1. every pre and post trace decays;
 *   2. each pre event i, in the order given: every outgoing synapse (i, j) is depressed with the
 *      post trace y[j], then x[i] jumps;
 *   3. each post neuron j that spiked, in index order: every incoming synapse (i, j) is
 *      potentiated with the pre trace x[i], then y[j] jumps.
 * So a pre event and a post spike in the same tick give a potentiation that reads the pre trace
 * with this tick's jump, and a depression that does not see this tick's post spike.
 *
 * Potentiation needs the synapses that end on one post neuron, which the CSR layout (by pre) does
 * not give; `buildIncomingIndex` builds that CSC view once.
 */
import type { TraceBank } from './traces';

/** Incoming synapses by postsynaptic neuron: synapses of j are `synapse[colPtr[j]..colPtr[j+1])`. */
export interface IncomingIndex {
  colPtr: Int32Array;
  /** Synapse id (position in the CSR arrays). */
  synapse: Int32Array;
  /** Presynaptic index of the same synapse. */
  pre: Int32Array;
}

/** Receiver of the pairings: the weight (STDP) or an eligibility trace (reward-modulated STDP). */
export interface PairingSink {
  depress(synapse: number, postTrace: number): void;
  potentiate(synapse: number, preTrace: number): void;
}

/** Checks the CSR arrays of a projection, naming the field and the offending value. */
export function checkSynapseLayout(
  preSize: number,
  postSize: number,
  rowPtr: Int32Array,
  post: Int32Array,
): void {
  if (rowPtr.length !== preSize + 1) {
    throw new RangeError(`rowPtr: expected ${preSize + 1} entries (preSize + 1), got ${rowPtr.length}`);
  }
  if (rowPtr[0] !== 0 || rowPtr[preSize] !== post.length) {
    throw new RangeError(
      `rowPtr: expected to run from 0 to the synapse count ${post.length}, got ${rowPtr[0]}..${rowPtr[preSize]}`,
    );
  }
  for (let i = 0; i < preSize; i++) {
    if (rowPtr[i + 1]! < rowPtr[i]!) {
      throw new RangeError(`rowPtr[${i + 1}]: ${rowPtr[i + 1]} is below rowPtr[${i}] = ${rowPtr[i]}`);
    }
  }
  for (let s = 0; s < post.length; s++) {
    const j = post[s]!;
    if (j < 0 || j >= postSize) {
      throw new RangeError(`post[${s}]: expected a postsynaptic index in 0..${postSize - 1}, got ${j}`);
    }
  }
}

/** Builds the incoming-synapse index; within one post neuron, synapses keep their CSR order. */
export function buildIncomingIndex(
  preSize: number,
  postSize: number,
  rowPtr: Int32Array,
  post: Int32Array,
): IncomingIndex {
  const colPtr = new Int32Array(postSize + 1);
  for (let s = 0; s < post.length; s++) colPtr[post[s]! + 1]!++;
  for (let j = 0; j < postSize; j++) colPtr[j + 1]! += colPtr[j]!;

  const next = colPtr.slice(0, postSize);
  const synapse = new Int32Array(post.length);
  const pre = new Int32Array(post.length);
  for (let i = 0; i < preSize; i++) {
    for (let s = rowPtr[i]!; s < rowPtr[i + 1]!; s++) {
      const slot = next[post[s]!]!++;
      synapse[slot] = s;
      pre[slot] = i;
    }
  }
  return { colPtr, synapse, pre };
}

/** Runs one tick of pairings (see the module doc) and returns the number of synapse updates. */
export function runPairings(
  rowPtr: Int32Array,
  post: Int32Array,
  incoming: IncomingIndex,
  preTraces: TraceBank,
  postTraces: TraceBank,
  preEvents: Int32Array,
  preEventCount: number,
  postSpiked: Uint8Array,
  sink: PairingSink,
): number {
  let updates = 0;
  preTraces.decay();
  postTraces.decay();

  const postValues = postTraces.values;
  for (let k = 0; k < preEventCount; k++) {
    const i = preEvents[k]!;
    const stop = rowPtr[i + 1]!;
    for (let s = rowPtr[i]!; s < stop; s++) sink.depress(s, postValues[post[s]!]!);
    updates += stop - rowPtr[i]!;
    preTraces.jump(i);
  }

  const preValues = preTraces.values;
  const { colPtr, synapse, pre } = incoming;
  for (let j = 0; j < postSpiked.length; j++) {
    if (postSpiked[j] === 0) continue;
    const stop = colPtr[j + 1]!;
    for (let c = colPtr[j]!; c < stop; c++) sink.potentiate(synapse[c]!, preValues[pre[c]!]!);
    updates += stop - colPtr[j]!;
    postTraces.jump(j);
  }
  return updates;
}
