/**
 * Entry point of the per-projection learning rules.
 */
import type { RandomStream } from '../random';
import { createRewardStdp } from './rstdp';
import { createPairStdp } from './stdp';
import type { PlasticityRule, PlasticProjectionView } from './types';

/**
 * Creates the rule that `view.learning.rule` names. Stochastic rounding in fixed mode draws from
 * `random`, in a fixed order within each call, so runs are reproducible from the seed.
 * e-prop has no per-projection rule: it trains a whole recurrent network through `EpropLearner`.
 */
export function createPlasticityRule(view: PlasticProjectionView, random: RandomStream): PlasticityRule {
  const learning = view.learning;
  switch (learning.rule) {
    case 'stdp':
      return createPairStdp({ ...view, learning }, random);
    case 'rstdp':
      return createRewardStdp({ ...view, learning }, random);
    case 'eprop':
      throw new Error(
        'learning.rule: e-prop trains the whole recurrent network at once; drive it with ' +
          'createEpropLearner (core/learning/eprop) instead of a per-projection rule',
      );
    default: {
      const unknown: never = learning;
      throw new Error(`learning.rule: expected stdp, rstdp or eprop, got ${JSON.stringify(unknown)}`);
    }
  }
}
