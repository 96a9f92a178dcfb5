/**
 * Semantic checks of a projection's learning rule. The rule needs a neuron population as
 * target, and `wMin <= wMax` (mantissas in fixed mode). Initial weights must lie inside the
 * bounds: weights are clamped after every update only, so a weight starting outside would be
 * used once unclamped. A readout must exist wherever the rule or its envelope reads one.
 */
import { MAX_ISSUES_PER_LIST, type CheckContext } from './check-context';
import { WEIGHT_MANTISSA_MAX, WEIGHT_MANTISSA_MIN, isMantissa } from './fields';
import type { PathSegment } from './issues';
import type { LearningSpec, ProjectionSpec } from './schema';

/** Checks `projection.learning`; `projectionPath` is the projection's own path. */
export function checkLearning(
  context: CheckContext,
  projectionPath: PathSegment[],
  projection: ProjectionSpec,
): void {
  const learning = projection.learning;
  if (learning === undefined) return;
  const path = [...projectionPath, 'learning'];

  if (context.populations.get(projection.to)?.kind === 'input') {
    context.report(
      path,
      `learning needs a neuron population as target; ${JSON.stringify(projection.to)} is an input population`,
    );
  }

  checkBounds(context, path, learning);
  checkInitialWeights(context, [...projectionPath, 'weights'], projection, learning);
  checkReadoutNeeds(context, path, learning);
}

function checkBounds(context: CheckContext, path: PathSegment[], learning: LearningSpec): void {
  if (context.mode === 'fixed') {
    const expectation = `expected an integer weight mantissa in ${WEIGHT_MANTISSA_MIN}..${WEIGHT_MANTISSA_MAX} (fixed mode)`;
    if (!isMantissa(learning.wMin)) context.expected([...path, 'wMin'], expectation, learning.wMin);
    if (!isMantissa(learning.wMax)) context.expected([...path, 'wMax'], expectation, learning.wMax);
  }
  if (learning.wMin > learning.wMax) {
    context.expected([...path, 'wMax'], `expected wMax >= wMin (${learning.wMin})`, learning.wMax);
  }
}

function checkInitialWeights(
  context: CheckContext,
  weightsPath: PathSegment[],
  projection: ProjectionSpec,
  learning: LearningSpec,
): void {
  const { wMin, wMax } = learning;
  const expectation = `expected an initial weight inside the learning bounds ${wMin}..${wMax}`;
  const inside = (value: number) => value >= wMin && value <= wMax;
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
      if (!inside(value)) context.expected([...weightsPath, field], expectation, value);
    }
    return;
  }

  let reported = 0;
  weights.values.forEach((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    cells.forEach((value, c) => {
      if (reported >= MAX_ISSUES_PER_LIST || inside(value)) return;
      const cellPath = Array.isArray(row) ? [...weightsPath, 'values', r, c] : [...weightsPath, 'values', r];
      context.expected(cellPath, expectation, value);
      reported++;
    });
  });
}

function checkReadoutNeeds(context: CheckContext, path: PathSegment[], learning: LearningSpec): void {
  if (context.spec.readout !== undefined) return;

  if (learning.rule === 'eprop') {
    context.report([...path, 'rule'], 'e-prop learns from the readout error; add a readout', 'eprop');
  }
  const envelope = learning.envelope;
  if (envelope?.cadence.kind === 'on-confidence-drop') {
    context.report(
      [...path, 'envelope', 'cadence', 'kind'],
      "cadence 'on-confidence-drop' reads the readout's confidence; add a readout",
      envelope.cadence.kind,
    );
  }
  const metric = envelope?.rollback?.metric;
  if (metric === 'accuracy' || metric === 'confidence') {
    context.report(
      [...path, 'envelope', 'rollback', 'metric'],
      `rollback metric '${metric}' comes from the readout; add a readout`,
      metric,
    );
  }
}
