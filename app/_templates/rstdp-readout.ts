import type { SpecInput } from '@/core/spec/schema';
import { diehlCookDocument, WEIGHT_ONE } from '@/core/templates/diehl-cook';

import { specToYaml } from './diehl-cook';
import type { NotebookTemplate } from './types';

const FEATURES = 100;
const CLASSES = 10;
/**
 * Digits of the run: 2,000 digits of 1,000 ticks reach the default run limit of 2,000,000 ticks
 * (`LIVENET_MAX_TICKS_PER_RUN`). Measured with seed 1 in fixed mode, the vote accuracy over the
 * last 100 digits ended at 0.62 with a reward rate of 2 and at 0.45 with a rate of 1. In runs of
 * 3,000 digits a rate of 1 ended at 0.75 and a rate of 4 at 0.60.
 */
export const RSTDP_SAMPLES = 2000;
/** Reward learning rate, `w += eta * reward * eligibility`. */
const ETA = 2;

/**
 * Builds the spec document: the Diehl-and-Cook layer, learning its features with STDP, feeds 10
 * output neurons (neuron k votes for class k) through an rstdp projection rewarded by the task.
 * The readout settings are those of `core/templates/rstdp-readout.ts`, which trains the same
 * readout on a layer trained before; here both learn in one run.
 */
export function rstdpTemplateDocument(samples: number): SpecInput {
  const base = diehlCookDocument({ neurons: FEATURES, samples });
  // Inhibition of 4 weights of 1.0 per output spike needs exponent 2 to fit a mantissa.
  const inhibitionExp = 2;

  return {
    ...base,
    name: 'rstdp-readout',
    populations: [
      ...(base.populations ?? []),
      {
        name: 'out',
        size: CLASSES,
        neuron: {
          model: 'lif',
          // tau 100 ms at dt 0.5 ms, so an output neuron integrates several feature spikes before it fires.
          registers: { du: 4095, dv: 20, vth: WEIGHT_ONE, refractory: 10 },
        },
      },
    ],
    projections: [
      ...(base.projections ?? []),
      {
        name: 'exc-out',
        from: 'exc',
        to: 'out',
        connectivity: { kind: 'dense' },
        weights: { init: 'uniform', low: Math.round(0.4 * WEIGHT_ONE), high: Math.round(0.6 * WEIGHT_ONE) },
        learning: {
          rule: 'rstdp',
          aPlus: 1,
          aMinus: 0,
          tauPreMs: 20,
          tauPostMs: 20,
          tauEligibilityMs: 300,
          eta: ETA,
          rewardSource: 'task',
          wMin: 0,
          wMax: WEIGHT_ONE,
          bound: 'hard',
        },
      },
      {
        name: 'out-out',
        from: 'out',
        to: 'out',
        connectivity: { kind: 'dense', autapses: false },
        weights: { init: 'constant', value: -Math.round((4 * WEIGHT_ONE) / 2 ** inhibitionExp) },
        wExp: inhibitionExp,
      },
    ],
    record: { spikes: ['exc', 'out'] },
    readout: { population: 'out', kind: 'vote', classes: CLASSES },
  };
}

/** Reward-modulated STDP: a readout of 10 neurons learns digit classes from a task reward alone. */
export const RSTDP_READOUT: NotebookTemplate = {
  slug: 'rstdp-readout',
  title: 'Reward-modulated readout',
  summary: `Ten output neurons learn which digit the STDP features show from a reward of +1 or -1 alone, while the features learn, ${RSTDP_SAMPLES} digits.`,
  tags: ['MNIST', 'STDP', 'R-STDP', 'reward', 'fixed point'],
  cells: [
    {
      type: 'markdown',
      source: `# Reward-modulated readout

The Diehl & Cook layer (${FEATURES} adaptive neurons, STDP, lateral inhibition) learns features of the digits without labels.
Ten output neurons read it through an R-STDP projection: each pairing of a feature spike with a later output spike leaves an eligibility trace (300 ms), and at the end of each digit the task rewards +1 when the most active output neuron is the label's (neuron k answers digit k) and -1 otherwise, which changes the weights by eta * reward * eligibility.
The output neurons inhibit each other, so usually one of them answers.
No label reaches the network except through that reward.`,
    },
    { type: 'spec', source: specToYaml(rstdpTemplateDocument(RSTDP_SAMPLES)) },
    { type: 'run', mode: null, seed: 1, ticks: null },
  ],
};
