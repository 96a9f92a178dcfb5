/**
 * Initial weights of a projection, one per synapse in CSR order (pre, then post).
 *
 * Fixed mode stores signed 8-bit mantissas (Int8Array); float mode stores reals on the same
 * scale (Float64Array). Explicit values map to synapses by layout: `dense` reads `values[pre][post]`,
 * `one-to-one` reads `values[i]`, `list` reads the value given with each pair.
 *
 * Uniform init draws one value per synapse in CSR order from the stream
 * `weights/<projection name>`. In fixed mode it draws an integer in `low..high` inclusive, each
 * equally likely. No rounding happens, because the checks require integer bounds in fixed mode.
 * In float mode it draws `low + (high - low) * U` with U uniform in [0, 1).
 */
import type { NumericMode } from '../program';
import { createStream } from '../random';
import type { ProjectionSpec } from '../spec/schema';
import type { Csr } from './connectivity';

export function buildWeights(
  projection: ProjectionSpec,
  csr: Csr,
  mode: NumericMode,
  seed: number,
): Int8Array | Float64Array {
  const count = csr.post.length;
  const weights = mode === 'fixed' ? new Int8Array(count) : new Float64Array(count);
  const spec = projection.weights;

  if ('values' in spec) {
    fillFromValues(weights, spec.values, csr);
    return weights;
  }

  if (spec.init === 'constant') {
    weights.fill(spec.value);
    return weights;
  }

  const stream = createStream(seed, `weights/${projection.name}`);
  if (mode === 'fixed') {
    const choices = spec.high - spec.low + 1;
    for (let k = 0; k < count; k++) weights[k] = spec.low + stream.nextInt(choices);
  } else {
    const width = spec.high - spec.low;
    for (let k = 0; k < count; k++) weights[k] = spec.low + width * stream.nextFloat();
  }
  return weights;
}

function fillFromValues(weights: Int8Array | Float64Array, values: number[] | number[][], csr: Csr): void {
  if (csr.sourceOrder !== null) {
    const flat = values as number[];
    csr.sourceOrder.forEach((source, k) => (weights[k] = flat[source]!));
    return;
  }

  // Dense rows are [from][to]; the CSR is pre-major, so each synapse reads its own row and column,
  // which also skips the diagonal of a dense projection without autapses.
  if (values.length > 0 && !Array.isArray(values[0])) {
    (values as number[]).forEach((value, k) => (weights[k] = value));
    return;
  }
  const rows = values as number[][];
  for (let pre = 0; pre + 1 < csr.rowPtr.length; pre++) {
    const row = rows[pre]!;
    for (let k = csr.rowPtr[pre]!; k < csr.rowPtr[pre + 1]!; k++) weights[k] = row[csr.post[k]!]!;
  }
}
