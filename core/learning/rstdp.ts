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
 * Closed form (float): pre at t0, post at t0 + k, reward r at t1 >= t0 + k gives
 *     dw = eta * r * aPlus * exp(-k * dtMs / tauPreMs) * exp(-(t1 - t0 - k) * dtMs / tauEligibilityMs).
 *
 * Fixed mode (widths in `./fixed-point`): e is a saturating signed 24-bit integer with 12 fraction
 * bits of a mantissa. A pairing adds `A * x` (24 fraction bits) rounded stochastically to 12, and
 * the decay rounds stochastically like a trace. A reward multiplies `round(eta * r * 2^12)` by e
 * and rounds the 24 fraction bits of the product stochastically to whole mantissa steps.
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
      if (fixed) {
        const rewardScaled = rewardRegister(eta * reward);
        if (rewardScaled === 0) return 0;
        for (let s = 0; s < synapseCount; s++) {
          weights[s] = changeFixedWeight(weights[s]!, rewardScaled * eligibility[s]!, bounds, random);
        }
        return synapseCount;
      }

      const scale = eta * reward;
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
      };
    },

    setState(state) {
      restoreArray(state, 'preTrace', preTraces.values);
      restoreArray(state, 'postTrace', postTraces.values);
      restoreArray(state, 'eligibility', eligibility);
    },
  };
}
