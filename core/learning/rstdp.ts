/**
 * Reward-modulated pair STDP: pairings feed a per-synapse eligibility, a reward turns it into a
 * weight change.
 *
 * Each tick t, in this order:
 *   1. traces and eligibilities decay: e = exp(-dtMs / tauEligibilityMs) * e;
 *   2. pairings as in STDP (`./pairing`), into e instead of w:
 *          pre event i:   e[i,j] -= aMinus * y[j]       post spike j:   e[i,j] += aPlus * x[i]
 *   3. at the end of the tick, if a reward r[t] is due: w += eta * r[t] * e[t] on every synapse,
 *      bounded as in `./bounds` (soft bounds scale by the distance at the time of the reward).
 * The eligibility is not consumed by a reward; it keeps decaying. A reward before any pairing
 * finds e = 0 and changes no weight.
 *
 * With `rewardBaseline`, the reward applies as `r - b`, where b is the running mean of the
 * rewards received before it; after the weights change, `b += (r - b) / tauRewards`. b starts at
 * 0 and is rule state, saved and restored with the traces. A reward of 0 is no reward event: the
 * simulator does not call the rule, so b does not move.
 *
 * Closed form (float): pre at t0, post at t0 + k, reward r at t1 >= t0 + k gives
 *     dw = eta * r * aPlus * exp(-k * dtMs / tauPreMs) * exp(-(t1 - t0 - k) * dtMs / tauEligibilityMs).
 *
 * Fixed mode (widths in `./fixed-point`): e is a saturating signed 24-bit integer with 12 fraction
 * bits of a mantissa. A pairing adds `A * x` (24 fraction bits) rounded stochastically to 12, and
 * the decay rounds stochastically like a trace. A reward multiplies `round(eta * r * 2^12)` by e
 * and rounds the 24 fraction bits of the product stochastically to whole mantissa steps. The
 * baseline b is a signed integer with 12 fraction bits (`BASELINE_FRACTION_BITS`): the reward
 * enters as `round(r * 2^12)`, the update truncates `(r - b) / tauRewards` toward zero, and the
 * reward register is `round(eta * (r - b))` computed from those integers.
 */
import type { RandomStream } from '../random';
import { decayFactorFromTau, decayRegisterFromTau } from '../fixed/arith';
import { changeFixedWeight, changeFloatWeight } from './bounds';
import {
  amplitudeRegister,
  decayAllStochastic,
  ELIGIBILITY_FRACTION_BITS,
  ELIGIBILITY_MAX,
  rewardRegister,
  stochasticRoundSigned,
  WEIGHT_CHANGE_FRACTION_BITS,
} from './fixed-point';
import type { PairingSink } from './pairing';
import { runPairings } from './pairing';
import { checkFloatAmplitude, checkTickInput, restoreArray, setUpPairing } from './projection-setup';
import type { RstdpSpec } from '../spec/schema';
import type { PairRuleView, PlasticityRule, RuleState } from './types';

/** Bits dropped when a 24-fraction-bit pairing change enters the 12-fraction-bit eligibility. */
const PAIRING_SHIFT_BITS = WEIGHT_CHANGE_FRACTION_BITS - ELIGIBILITY_FRACTION_BITS;
const ELIGIBILITY_LIMIT = ELIGIBILITY_MAX;
/** Fraction bits of the fixed-mode reward baseline. */
export const BASELINE_FRACTION_BITS = 12;

function checkLearningRate(eta: number): number {
  if (!Number.isFinite(eta)) {
    throw new RangeError(`learning.eta: expected a finite number, got ${eta}`);
  }
  return eta;
}

function saturate(value: number): number {
  return Math.max(-ELIGIBILITY_LIMIT, Math.min(ELIGIBILITY_LIMIT, value));
}

/** Creates a reward-modulated STDP rule; `applyReward` mutates `view.weights` in place. */
export function createRewardStdp(view: PairRuleView<RstdpSpec>, random: RandomStream): PlasticityRule {
  const { incoming, preTraces, postTraces, bounds } = setUpPairing(view, random);
  const { learning, weights, mode } = view;
  const { tauEligibilityMs } = learning;
  const eta = checkLearningRate(learning.eta);
  const synapseCount = view.post.length;

  const fixed = mode === 'fixed';
  const eligibility = fixed ? new Int32Array(synapseCount) : new Float64Array(synapseCount);
  const baselineTau = learning.rewardBaseline?.tauRewards ?? 0;
  const baseline = fixed ? new Int32Array(1) : new Float64Array(1);
  const decayFactor = fixed
    ? 0
    : decayFactorFromTau(tauEligibilityMs, view.dtMs, 'learning.tauEligibilityMs');
  const decayRegister = fixed
    ? decayRegisterFromTau(tauEligibilityMs, view.dtMs, 'learning.tauEligibilityMs')
    : 0;

  let sink: PairingSink;
  if (fixed) {
    const aPlus = amplitudeRegister(learning.aPlus, 'learning.aPlus');
    const aMinus = amplitudeRegister(learning.aMinus, 'learning.aMinus');
    const add = (s: number, scaledChange: number): void => {
      const step = stochasticRoundSigned(scaledChange, PAIRING_SHIFT_BITS, random);
      eligibility[s] = saturate(eligibility[s]! + step);
    };
    sink = {
      depress: (s, postTrace) => add(s, -aMinus * postTrace),
      potentiate: (s, preTrace) => add(s, aPlus * preTrace),
    };
  } else {
    const aPlus = checkFloatAmplitude(learning.aPlus, 'learning.aPlus');
    const aMinus = checkFloatAmplitude(learning.aMinus, 'learning.aMinus');
    sink = {
      depress: (s, postTrace) => {
        eligibility[s]! -= aMinus * postTrace;
      },
      potentiate: (s, preTrace) => {
        eligibility[s]! += aPlus * preTrace;
      },
    };
  }

  /** Returns the reward as it applies (`r - b` with a baseline) and moves the baseline. */
  function rewardAfterBaseline(reward: number): number {
    if (baselineTau === 0) return reward;
    if (baseline instanceof Int32Array) {
      const fixedOne = 2 ** BASELINE_FRACTION_BITS;
      const scaled = Math.round(reward * fixedOne);
      const error = scaled - baseline[0]!;
      baseline[0] = baseline[0]! + Math.trunc(error / baselineTau);
      return error / fixedOne;
    }
    const error = reward - baseline[0]!;
    baseline[0] = baseline[0]! + error / baselineTau;
    return error;
  }

  function decayEligibility(): void {
    if (eligibility instanceof Int32Array) {
      decayAllStochastic(eligibility, decayRegister, random);
      return;
    }
    for (let s = 0; s < synapseCount; s++) eligibility[s]! *= decayFactor;
  }

  return {
    onTick(_tick, preEvents, preEventCount, postSpiked) {
      checkTickInput(view, preEvents, preEventCount, postSpiked);
      decayEligibility();
      return runPairings(
        view.rowPtr,
        view.post,
        incoming,
        preTraces,
        postTraces,
        preEvents,
        preEventCount,
        postSpiked,
        sink,
      );
    },

    applyReward(_tick, reward) {
      if (!Number.isFinite(reward)) {
        throw new RangeError(`reward: expected a finite number, got ${reward}`);
      }
      const applied = rewardAfterBaseline(reward);
      if (fixed) {
        const rewardScaled = rewardRegister(eta * applied);
        if (rewardScaled === 0) return 0;
        for (let s = 0; s < synapseCount; s++) {
          weights[s] = changeFixedWeight(weights[s]!, rewardScaled * eligibility[s]!, bounds, random);
        }
        return synapseCount;
      }

      const scale = eta * applied;
      if (scale === 0) return 0;
      for (let s = 0; s < synapseCount; s++) {
        weights[s] = changeFloatWeight(weights[s]!, scale * eligibility[s]!, bounds);
      }
      return synapseCount;
    },

    getState(): RuleState {
      return {
        preTrace: preTraces.values.slice(),
        postTrace: postTraces.values.slice(),
        eligibility: eligibility.slice(),
        ...(baselineTau > 0 ? { rewardBaseline: baseline.slice() } : {}),
      };
    },

    setState(state) {
      restoreArray(state, 'preTrace', preTraces.values);
      restoreArray(state, 'postTrace', postTraces.values);
      restoreArray(state, 'eligibility', eligibility);
      if (baselineTau > 0) restoreArray(state, 'rewardBaseline', baseline);
    },
  };
}
