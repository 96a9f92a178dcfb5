/**
 * Semantic checks of projections: connectivity against the population sizes, weight layouts
 * against the connectivity, fixed-mode mantissas, and learning bounds.
 *
 * Weight layouts: `dense` takes a matrix `[from][to]`, `one-to-one` a flat list of `size`
 * weights, and `list` a flat list in the order of `pairs`. `sparse` takes only `init` weights.
 */
import { MAX_ISSUES_PER_LIST, type CheckContext } from './check-context';
import { checkLearning } from './check-learning';
import { WEIGHT_MANTISSA_MAX, WEIGHT_MANTISSA_MIN, isMantissa } from './fields';
import type { PathSegment } from './issues';
import type { PopulationSpec, ProjectionSpec } from './schema';

const MANTISSA_RANGE = `${WEIGHT_MANTISSA_MIN}..${WEIGHT_MANTISSA_MAX}`;

export function checkProjections(context: CheckContext): void {
  context.spec.projections.forEach((projection, i) => {
    const path: PathSegment[] = ['projections', i];
    const from = context.populations.get(projection.from);
    const to = context.populations.get(projection.to);

    // Missing references were reported already; sizes cannot be checked without them.
    if (from !== undefined && to !== undefined) {
      const synapses = checkConnectivity(context, path, projection, from, to);
      checkWeightLayout(context, path, projection, from, to, synapses);
    }
    checkMantissas(context, [...path, 'weights'], projection);
    checkLearning(context, path, projection);
  });
}

/** Returns the synapse count when the connectivity fixes it, else null. */
function checkConnectivity(
  context: CheckContext,
  path: PathSegment[],
  projection: ProjectionSpec,
  from: PopulationSpec,
  to: PopulationSpec,
): number | null {
  const connectivity = projection.connectivity;
  const connectivityPath = [...path, 'connectivity'];

  if (connectivity.kind === 'dense') {
    if (connectivity.autapses !== false) return from.size * to.size;
    if (projection.from !== projection.to) {
      context.report(
        [...connectivityPath, 'autapses'],
        `autapses: false needs a projection from a population to itself, but this one goes from ${JSON.stringify(from.name)} to ${JSON.stringify(to.name)}`,
        false,
      );
    }
    return from.size * (to.size - 1);
  }
  if (connectivity.kind === 'sparse') return null;
  if (connectivity.kind === 'one-to-one') {
    if (from.size !== to.size) {
      context.report(
        connectivityPath,
        `one-to-one needs equal sizes, but ${JSON.stringify(from.name)} has ${from.size} neurons and ${JSON.stringify(to.name)} has ${to.size}`,
      );
    }
    return from.size;
  }

  let reported = 0;
  const seen = new Set<string>();
  connectivity.pairs.forEach(([pre, post], k) => {
    if (reported >= MAX_ISSUES_PER_LIST) return;
    const pairPath = [...connectivityPath, 'pairs', k];
    if (pre >= from.size) {
      context.expected(
        [...pairPath, 0],
        `expected a neuron index of ${JSON.stringify(from.name)} in 0..${from.size - 1}`,
        pre,
      );
      reported++;
    }
    if (post >= to.size) {
      context.expected(
        [...pairPath, 1],
        `expected a neuron index of ${JSON.stringify(to.name)} in 0..${to.size - 1}`,
        post,
      );
      reported++;
    }
    const key = `${pre},${post}`;
    if (seen.has(key)) {
      context.report(pairPath, `duplicate synapse [${pre}, ${post}]; list each pair once`, [pre, post]);
      reported++;
    }
    seen.add(key);
  });
  return connectivity.pairs.length;
}

function checkWeightLayout(
  context: CheckContext,
  path: PathSegment[],
  projection: ProjectionSpec,
  from: PopulationSpec,
  to: PopulationSpec,
  synapses: number | null,
): void {
  const weights = projection.weights;
  if (!('values' in weights)) return;

  const valuesPath = [...path, 'weights', 'values'];
  const kind = projection.connectivity.kind;
  if (kind === 'sparse') {
    context.report(
      valuesPath,
      'sparse connectivity takes init weights (uniform or constant), since its synapses are drawn when compiling',
    );
    return;
  }

  const rows = weights.values;
  const isMatrix = rows.length > 0 && Array.isArray(rows[0]);
  if (kind === 'dense') {
    if (!isMatrix && rows.length > 0) {
      context.report(
        valuesPath,
        `dense weights are a matrix [from][to] of ${from.size} rows of ${to.size} values`,
      );
      return;
    }
    if (rows.length !== from.size) {
      context.report(
        valuesPath,
        `expected ${from.size} rows, one per neuron of ${JSON.stringify(from.name)}, got ${rows.length}`,
      );
      return;
    }
    let reported = 0;
    (rows as number[][]).forEach((row, r) => {
      if (row.length === to.size || reported >= MAX_ISSUES_PER_LIST) return;
      context.report(
        [...valuesPath, r],
        `expected ${to.size} values, one per neuron of ${JSON.stringify(to.name)}, got ${row.length}`,
      );
      reported++;
    });
    if (projection.connectivity.autapses === false)
      checkEmptyDiagonal(context, valuesPath, rows as number[][]);
    return;
  }

  if (isMatrix) {
    context.report(valuesPath, `${kind} weights are a flat list with one value per synapse`);
    return;
  }
  if (synapses !== null && rows.length !== synapses) {
    context.report(valuesPath, `expected ${synapses} values, one per synapse, got ${rows.length}`);
  }
}

/** Without autapses the synapses i -> i do not exist, so a weight given for one is an error. */
function checkEmptyDiagonal(context: CheckContext, valuesPath: PathSegment[], rows: number[][]): void {
  let reported = 0;
  rows.forEach((row, i) => {
    const value = row[i];
    if (value === undefined || value === 0 || reported >= MAX_ISSUES_PER_LIST) return;
    context.expected(
      [...valuesPath, i, i],
      'expected 0 on the diagonal, since autapses: false leaves out the synapse i -> i',
      value,
    );
    reported++;
  });
}

/** In fixed mode every initial weight is a signed 8-bit mantissa. */
function checkMantissas(context: CheckContext, path: PathSegment[], projection: ProjectionSpec): void {
  if (context.mode !== 'fixed') return;
  const expectation = `expected an integer weight mantissa in ${MANTISSA_RANGE} (fixed mode)`;
  const weights = projection.weights;

  if (!('values' in weights)) {
    const fields: [string, number][] =
      weights.init === 'uniform'
        ? [
            ['low', weights.low],
            ['high', weights.high],
          ]
        : [['value', weights.value]];
    for (const [field, value] of fields) {
      if (!isMantissa(value)) context.expected([...path, field], expectation, value);
    }
    return;
  }

  let reported = 0;
  weights.values.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    cells.forEach((value, c) => {
      if (reported >= MAX_ISSUES_PER_LIST || isMantissa(value)) return;
      const cellPath = Array.isArray(row) ? [...path, 'values', r, c] : [...path, 'values', r];
      context.expected(cellPath, expectation, value);
      reported++;
    });
  });
}
