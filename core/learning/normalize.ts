/**
 * Weight normalisation per postsynaptic neuron: every neuron's incoming weights are scaled so
 * that they sum to a target, as Diehl and Cook (2015) do before each digit. It keeps a neuron's
 * total drive fixed while STDP moves weight from the inputs it ignores to those it prefers.
 *
 *     float:  w[i,j] = w[i,j] * target / S[j]                 with S[j] = sum_i w[i,j]
 *     fixed:  w[i,j] = R(C[i,j]) - R(C[i-1,j]),  C[i,j] = target / S[j] * sum_{k <= i} w[k,j]
 *
 * with R the rounding of `Math.round` (halves up). The fixed form rounds the running sum instead
 * of each weight, so the mantissas sum to `round(target)` exactly and each differs from its exact
 * scaled value by less than one step; it is deterministic and draws nothing. Synapses are visited
 * in CSR order (by presynaptic index), so C runs over a neuron's inputs in ascending order.
 *
 * A neuron whose weights sum to 0 (or below) is left unchanged, because no scale reaches the
 * target. Results are clamped to [wMin, wMax] after scaling, so when a bound binds the sum stays
 * below (or above) the target; with weights of one sign and a target below `wMax * fanIn` the
 * clamp changes nothing in float mode.
 */
import type { NumericMode } from '../program';
import type { WeightBounds } from './bounds';

export interface NormalizeTarget {
  mode: NumericMode;
  postSize: number;
  /** CSR by presynaptic index: synapses of pre i are `rowPtr[i]..rowPtr[i+1]`. */
  rowPtr: Int32Array;
  post: Int32Array;
  weights: Int8Array | Float64Array;
  bounds: WeightBounds;
}

/** Scratch arrays, reused between calls to avoid allocating once per presentation. */
export interface NormalizeScratch {
  sums: Float64Array;
  scales: Float64Array;
  running: Float64Array;
  rounded: Float64Array;
}

export function createNormalizeScratch(postSize: number): NormalizeScratch {
  return {
    sums: new Float64Array(postSize),
    scales: new Float64Array(postSize),
    running: new Float64Array(postSize),
    rounded: new Float64Array(postSize),
  };
}

/** Scales each neuron's incoming weights to sum to `sum` (see the module doc); returns the weights changed. */
export function normalizeIncoming(target: NormalizeTarget, sum: number, scratch: NormalizeScratch): number {
  if (!Number.isFinite(sum) || sum <= 0) {
    throw new RangeError(`learning.normalize.sum: expected a finite number > 0, got ${sum}`);
  }
  const { post, weights, bounds } = target;
  const { sums, scales, running, rounded } = scratch;
  sums.fill(0);
  for (let s = 0; s < post.length; s++) sums[post[s]!]! += weights[s]!;

  const goal = target.mode === 'fixed' ? Math.round(sum) : sum;
  for (let j = 0; j < target.postSize; j++) scales[j] = sums[j]! > 0 ? goal / sums[j]! : 0;

  let changed = 0;
  if (target.mode === 'float') {
    for (let s = 0; s < post.length; s++) {
      const scale = scales[post[s]!]!;
      if (scale === 0) continue;
      weights[s] = clamp(weights[s]! * scale, bounds);
      changed++;
    }
    return changed;
  }

  running.fill(0);
  rounded.fill(0);
  for (let s = 0; s < post.length; s++) {
    const j = post[s]!;
    const scale = scales[j]!;
    if (scale === 0) continue;
    running[j]! += weights[s]! * scale;
    const next = Math.round(running[j]!);
    weights[s] = clamp(next - rounded[j]!, bounds);
    rounded[j] = next;
    changed++;
  }
  return changed;
}

function clamp(w: number, bounds: WeightBounds): number {
  if (w > bounds.wMax) return bounds.wMax;
  if (w < bounds.wMin) return bounds.wMin;
  return w;
}
