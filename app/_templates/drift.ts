import type { SpecInput } from '@/core/spec/schema';
import { DIEHL_COOK_PRESENT_TICKS, DIEHL_COOK_REST_TICKS, WEIGHT_ONE } from '@/core/templates/diehl-cook';

import { specToYaml } from './diehl-cook';
import { rstdpTemplateDocument } from './rstdp-readout';
import type { NotebookTemplate } from './types';

/** Clean digits before the drift: the network learns its features and readout on them. */
export const DRIFT_FROM_SAMPLE = 400;
/**
 * Drifted digits after them. A `RunSession` of all 600 digits took 42 s (living) and 45 s
 * (frozen) in Node, seed 1, one after the other on a shared 2-core machine.
 */
export const DRIFTED_SAMPLES = 200;
/** The drift of the drift experiment: contrast halved around the digit's mean, 3 pixels right. */
const DRIFT = { fromSample: DRIFT_FROM_SAMPLE, contrast: 0.5, shiftX: 3, shiftY: 0 };
const DIGIT_TICKS = DIEHL_COOK_PRESENT_TICKS + DIEHL_COOK_REST_TICKS;
/** Last tick of the last clean digit: learning that stops at the drift stops here. */
const LAST_CLEAN_TICK = DRIFT_FROM_SAMPLE * DIGIT_TICKS;

/**
 * The readout's envelope that ends its learning at the drift. A drift budget of a whole weight
 * of 1.0 per synapse never rejects an update of weights bounded by 0..1.0, so only the plasticity
 * window acts. With windows of 100 digits it records at most one refused update per 100 digits.
 */
const FREEZE_AT_DRIFT = {
  driftBudget: WEIGHT_ONE,
  windowTicks: 100 * DIGIT_TICKS,
  plasticUntilTick: LAST_CLEAN_TICK,
};

/**
 * The feature layer's envelope: the same window, committing once per digit. An envelope that
 * commits every tick compares all 78,400 input weights every tick, which made 30-digit runs
 * about four times slower (450 against 110 ms per digit).
 */
const FREEZE_FEATURES_AT_DRIFT = {
  ...FREEZE_AT_DRIFT,
  cadence: { kind: 'every-n-ticks' as const, n: DIGIT_TICKS },
};

/**
 * Builds the network of the R-STDP readout template on digits that drift after
 * `DRIFT_FROM_SAMPLE`. The feature layer stops learning at the drift in both networks, as in the
 * drift experiment, where only the readout lives. With `frozen` the readout stops too.
 */
export function driftDocument(frozen: boolean): SpecInput {
  const base = rstdpTemplateDocument(DRIFT_FROM_SAMPLE + DRIFTED_SAMPLES);
  const envelopes: Record<string, typeof FREEZE_AT_DRIFT> = {
    'input-exc': FREEZE_FEATURES_AT_DRIFT,
    ...(frozen ? { 'exc-out': FREEZE_AT_DRIFT } : {}),
  };

  return {
    ...base,
    name: frozen ? 'drift-frozen' : 'drift-living',
    projections: (base.projections ?? []).map((projection) => {
      const envelope = envelopes[projection.name];
      return projection.learning !== undefined && envelope !== undefined
        ? { ...projection, learning: { ...projection.learning, envelope } }
        : projection;
    }),
    stimulus: (base.stimulus ?? []).map((stimulus) =>
      stimulus.data === undefined ? stimulus : { ...stimulus, data: { ...stimulus.data, drift: DRIFT } },
    ),
  };
}

/** The drift card's notebook: the same readout network, living and frozen, on drifting digits. */
export const DRIFT_NOTEBOOK: NotebookTemplate = {
  slug: 'drift',
  title: 'Drift: frozen versus living network',
  summary: `The R-STDP readout network on ${DRIFT_FROM_SAMPLE} clean digits, then ${DRIFTED_SAMPLES} digits with halved contrast shifted 3 pixels, once still learning and once frozen at the drift.`,
  tags: ['MNIST', 'STDP', 'R-STDP', 'drift', 'envelope'],
  cells: [
    {
      type: 'markdown',
      source: `# Drift: frozen versus living network

The network of the reward-modulated readout notebook (a Diehl & Cook feature layer of 100 neurons and 10 output neurons trained by a reward of +1 or -1) sees ${DRIFT_FROM_SAMPLE} clean training digits.
From digit ${DRIFT_FROM_SAMPLE} on (counting from 0) the input drifts: every digit's contrast is halved around its mean intensity and the digit moves 3 pixels to the right, set by \`data.drift\` in the spec.
Both networks below see the same ${DRIFT_FROM_SAMPLE + DRIFTED_SAMPLES} digits with the same seed.

- **Living**: the readout keeps learning from the reward on the ${DRIFTED_SAMPLES} drifted digits.
- **Frozen**: the envelope's \`plasticUntilTick: ${LAST_CLEAN_TICK}\` (the last tick of the last clean digit) stops the readout's learning at the drift, and the updates it refuses appear in the run's events.

In both networks the feature layer's STDP stops at the drift too, as in the drift experiment, where only the readout lives. Its envelope applies the layer's weight changes once per digit (\`cadence: every-n-ticks\`, ${DIGIT_TICKS} ticks), which keeps the run fast, so within a digit the layer answers with the weights of the digit before. Its adaptive thresholds are neuron state, which no envelope freezes, so they keep growing a little with every spike.
These runs are short so that each finishes in about a minute, and ${DRIFT_FROM_SAMPLE} digits are too few for the network to learn the digits: in a run of both cells with seed 1 (fixed mode), the most active output neuron was the label's on 38 of the ${DRIFT_FROM_SAMPLE} clean digits in both networks, and on 8 (living) and 9 (frozen) of the ${DRIFTED_SAMPLES} drifted ones, about chance level (one in ten).
So this notebook shows how the drift and the plasticity window work, not the effect of the drift on accuracy. The reward-modulated readout notebook reached a vote accuracy of 62% over its last 100 digits after 2,000 digits. To run longer, raise \`samples\`, \`drift.fromSample\` and \`plasticUntilTick\` (${DIGIT_TICKS} ticks per digit) together, within the run limit of 2,000,000 ticks.

What the experiment measured (\`npm run experiment -- drift --seed 1\`, feature layer trained on 16,000 digits, readout on 8,000, then 2,000 drifted training digits, 2,000 test digits): 73.7% on clean test digits before the drift, 17.3% for the frozen network on drifted test digits, and 18.9% for the living one after the drifted training digits.
The goal, to recover 90% of the pre-drift accuracy within 2,000 drifted digits, was **not met**: learning in the readout alone did not recover from this drift.`,
    },
    {
      type: 'markdown',
      source: '## Living network\n\nThe readout learns before and after the drift.',
    },
    { type: 'spec', source: specToYaml(driftDocument(false)) },
    { type: 'run', mode: null, seed: 1, ticks: null },
    {
      type: 'markdown',
      source: `## Frozen network\n\nThe same network, with learning stopped after tick ${LAST_CLEAN_TICK}.`,
    },
    { type: 'spec', source: specToYaml(driftDocument(true)) },
    { type: 'run', mode: null, seed: 1, ticks: null },
  ],
};
