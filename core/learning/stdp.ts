/**
 * Pair STDP with all-to-all traces: every earlier spike of the partner counts, not only the latest.
 *
 * Each tick, after the trace decay and in the pairing order of `./pairing`:
 *
 *     pre event i:    w[i,j] += -aMinus * y[j]        (depression, LTD)
 *     post spike j:   w[i,j] += +aPlus  * x[i]        (potentiation, LTP)
 *
 * each change bounded at once (`./bounds`): hard bounds clamp to [wMin, wMax], soft bounds also
 * scale the change by the distance to the bound it moves toward.
 *
 * Closed forms of single pairings in float mode, where traces jump by 1:
 *
 *     pre k ticks before post:   LTP aPlus * exp(-k * dtMs / tauPreMs)
 *     post k ticks before pre:   LTD aMinus * exp(-k * dtMs / tauPostMs)
 *     pre and post in one tick:  LTP aPlus
 *
 * Fixed mode (widths in `./fixed-point`): traces are 16-bit integers with 8 fraction bits decayed
 * with stochastic rounding; the change `A * x` is `round(A * 2^16) * x` with 24 fraction bits,
 * rounded stochastically to whole mantissa steps. Its expected value is the float change computed
 * with the quantized constants (decay `(4096 - d) / 4096`, amplitude `round(A * 2^16) / 2^16`),
 * and each rounding adds a zero-mean error of variance at most 1/4 mantissa^2, so over n updates a
 * weight strays from that expectation by about `sqrt(n) / 2` mantissas (one standard deviation).
 */
import type { RandomStream } from '../random';
import { changeFixedWeight, changeFloatWeight } from './bounds';
import { amplitudeRegister } from './fixed-point';
import type { PairingSink } from './pairing';
import { runPairings } from './pairing';
import { checkFloatAmplitude, checkTickInput, restoreArray, setUpPairing } from './projection-setup';
import type { StdpSpec } from '../spec/schema';
import type { PairRuleView, PlasticityRule, RuleState } from './types';

/** Creates a pair-STDP rule over the projection; it mutates `view.weights` in place. */
export function createPairStdp(view: PairRuleView<StdpSpec>, random: RandomStream): PlasticityRule {
  const { incoming, preTraces, postTraces, bounds } = setUpPairing(view, random);
  const { learning, weights } = view;

  let sink: PairingSink;
  if (view.mode === 'fixed') {
    const aPlus = amplitudeRegister(learning.aPlus, 'learning.aPlus');
    const aMinus = amplitudeRegister(learning.aMinus, 'learning.aMinus');
    sink = {
      depress: (s, postTrace) => {
        weights[s] = changeFixedWeight(weights[s]!, -aMinus * postTrace, bounds, random);
      },
      potentiate: (s, preTrace) => {
        weights[s] = changeFixedWeight(weights[s]!, aPlus * preTrace, bounds, random);
      },
    };
  } else {
    const aPlus = checkFloatAmplitude(learning.aPlus, 'learning.aPlus');
    const aMinus = checkFloatAmplitude(learning.aMinus, 'learning.aMinus');
    sink = {
      depress: (s, postTrace) => {
        weights[s] = changeFloatWeight(weights[s]!, -aMinus * postTrace, bounds);
      },
      potentiate: (s, preTrace) => {
        weights[s] = changeFloatWeight(weights[s]!, aPlus * preTrace, bounds);
      },
    };
  }

  return {
    onTick(_tick, preEvents, preEventCount, postSpiked) {
      checkTickInput(view, preEvents, preEventCount, postSpiked);
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

    getState(): RuleState {
      return { preTrace: preTraces.values.slice(), postTrace: postTraces.values.slice() };
    },

    setState(state) {
      restoreArray(state, 'preTrace', preTraces.values);
      restoreArray(state, 'postTrace', postTraces.values);
    },
  };
}
