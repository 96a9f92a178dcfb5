/**
 * Set-up shared by the pair-based rules: checks of the projection view, the trace banks of the
 * numeric mode, the incoming-synapse index, the bounds, and checkpoint helpers.
 */
import type { RandomStream } from '../random';
import type { WeightBounds } from './bounds';
import { resolveBounds } from './bounds';
import type { IncomingIndex } from './pairing';
import { buildIncomingIndex, checkSynapseLayout } from './pairing';
import type { RstdpSpec, StdpSpec } from '../spec/schema';
import type { PairRuleView, PlasticProjectionView, RuleState, RuleStateArray } from './types';
import type { TraceBank } from './traces';
import { FixedTraceBank, FloatTraceBank } from './traces';

export interface PairingSetup {
  incoming: IncomingIndex;
  preTraces: TraceBank;
  postTraces: TraceBank;
  bounds: WeightBounds;
}

/** Checks the view and builds what a pair-based rule needs. */
export function setUpPairing(view: PairRuleView<StdpSpec | RstdpSpec>, random: RandomStream): PairingSetup {
  const { mode, dtMs, preSize, postSize, rowPtr, post, weights, learning } = view;
  checkSynapseLayout(preSize, postSize, rowPtr, post);
  if (weights.length !== post.length) {
    throw new RangeError(`weights: expected one weight per synapse (${post.length}), got ${weights.length}`);
  }
  if (mode === 'fixed' && !(weights instanceof Int8Array)) {
    throw new TypeError('weights: fixed mode needs Int8Array mantissas');
  }
  if (mode === 'float' && !(weights instanceof Float64Array)) {
    throw new TypeError('weights: float mode needs a Float64Array');
  }

  const preTraces =
    mode === 'fixed'
      ? new FixedTraceBank(preSize, learning.tauPreMs, dtMs, 'learning.tauPreMs', random)
      : new FloatTraceBank(preSize, learning.tauPreMs, dtMs, 'learning.tauPreMs');
  const postTraces =
    mode === 'fixed'
      ? new FixedTraceBank(postSize, learning.tauPostMs, dtMs, 'learning.tauPostMs', random)
      : new FloatTraceBank(postSize, learning.tauPostMs, dtMs, 'learning.tauPostMs');

  return {
    incoming: buildIncomingIndex(preSize, postSize, rowPtr, post),
    preTraces,
    postTraces,
    bounds: resolveBounds(learning, mode),
  };
}

/** Checks a float amplitude of the spec. */
export function checkFloatAmplitude(value: number, path: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${path}: amplitude must be a finite number >= 0, got ${value}`);
  }
  return value;
}

/** Checks the arguments of `onTick` against the projection. */
export function checkTickInput(
  view: PlasticProjectionView,
  preEvents: Int32Array,
  preEventCount: number,
  postSpiked: Uint8Array,
): void {
  if (postSpiked.length !== view.postSize) {
    throw new RangeError(`postSpiked: expected ${view.postSize} entries, got ${postSpiked.length}`);
  }
  if (!Number.isInteger(preEventCount) || preEventCount < 0 || preEventCount > preEvents.length) {
    throw new RangeError(
      `preEventCount: expected an integer in 0..${preEvents.length}, got ${preEventCount}`,
    );
  }
  for (let k = 0; k < preEventCount; k++) {
    const i = preEvents[k]!;
    if (i < 0 || i >= view.preSize) {
      throw new RangeError(
        `preEvents[${k}]: expected a presynaptic index in 0..${view.preSize - 1}, got ${i}`,
      );
    }
  }
}

/** Copies the saved array `key` into `target`, after checking its presence, type and length. */
export function restoreArray(state: RuleState, key: string, target: RuleStateArray): void {
  const saved = state[key];
  if (saved === undefined) {
    throw new Error(`rule state: missing array "${key}"`);
  }
  if (saved.constructor !== target.constructor || saved.length !== target.length) {
    throw new Error(
      `rule state: array "${key}" is a ${saved.constructor.name} of ${saved.length} values, ` +
        `expected a ${target.constructor.name} of ${target.length}`,
    );
  }
  target.set(saved);
}
