/**
 * Schema of a projection's learning rule and its safety envelope.
 *
 * Weights and their bounds are on the mantissa scale: a weight `w` adds `w * 2^wExp` to the
 * input. In fixed mode `wMin` and `wMax` must be mantissas in -128..127. The semantic checks
 * enforce that, because the mode is known only at the top of the spec.
 */
import { z } from 'zod';

import {
  finiteNumber,
  integerIn,
  nonNegativeNumber,
  numberIn,
  positiveInteger,
  positiveNumber,
} from './fields';

/** When updates may be applied to the weights. */
export const cadenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('every-event') }),
  z.strictObject({ kind: z.literal('every-n-ticks'), n: positiveInteger() }),
  /** Only while the readout's confidence (0..1) is below `floor`; needs a `readout`. */
  z.strictObject({ kind: z.literal('on-confidence-drop'), floor: numberIn(0, 1) }),
]);

/**
 * What may change while the network lives. `driftBudget` is the largest mean absolute weight
 * change per synapse of the projection, on the weight scale, allowed away from the last accepted
 * snapshot within one window of `windowTicks` ticks. The envelope guards only the weights of its
 * own projection. On e-prop, the readout weights and readout bias are learner state that no
 * envelope freezes, refuses or rolls back.
 */
export const envelopeSchema = z.strictObject({
  driftBudget: positiveNumber(),
  windowTicks: positiveInteger(),
  cadence: cadenceSchema.prefault({ kind: 'every-event' }),
  /**
   * Last tick whose updates are committed. From the next tick on the projection is frozen for
   * good: updates are refused (one `refused-update` event per window) and rollbacks are skipped,
   * so the weights stay as they were at the end of this tick. Learning runs to the end when absent.
   */
  plasticUntilTick: integerIn(0, Number.MAX_SAFE_INTEGER).optional(),
  /** Restore the last good snapshot when `metric` falls below `floor`. */
  rollback: z
    .strictObject({
      metric: z.enum(['accuracy', 'confidence', 'reward']),
      floor: finiteNumber(),
    })
    .optional(),
});

/** Fields every rule shares: weight bounds, bound kind and the optional envelope. */
const boundFields = {
  wMin: finiteNumber(),
  wMax: finiteNumber(),
  /** `hard` clamps to [wMin, wMax]; `soft` also scales each update by the distance to the bound. */
  bound: z.enum(['hard', 'soft']).default('hard'),
  envelope: envelopeSchema.optional(),
};

/**
 * Weight normalisation of the pair rules: after the last tick of every data presentation, each
 * postsynaptic neuron's incoming weights are scaled so that they sum to `sum` (weight scale).
 */
export const normalizeSchema = z.strictObject({ sum: positiveNumber() });

/** Pair STDP traces: pre and post traces with their time constants. */
const pairFields = {
  aPlus: nonNegativeNumber(),
  aMinus: nonNegativeNumber(),
  tauPreMs: positiveNumber(),
  tauPostMs: positiveNumber(),
  normalize: normalizeSchema.optional(),
};

export const stdpSchema = z.strictObject({
  rule: z.literal('stdp'),
  ...pairFields,
  ...boundFields,
});

export const rstdpSchema = z.strictObject({
  rule: z.literal('rstdp'),
  ...pairFields,
  ...boundFields,
  tauEligibilityMs: positiveNumber(),
  /** Learning rate: `w += eta * r[t] * e[t]`. */
  eta: positiveNumber(),
  /**
   * `task`: with a labelled data stimulus, each presentation's last tick rewards +1 when the most
   * active neuron of the target population (one per class) is the label's, else -1
   * (`core/sim/task-reward`). `api`: only rewards injected while running. Both accept injected ones.
   */
  rewardSource: z.enum(['task', 'api']).default('task'),
  /**
   * Expected reward: each reward `r` applies as `r - b`, where `b` is the running mean of the
   * rewards before it (`b += (r - b) / tauRewards` after each). Without it, a readout that is
   * mostly right keeps potentiating the synapses behind its choices, so only frequent errors
   * hold the weights in balance. Absent: rewards apply as given.
   */
  rewardBaseline: z.strictObject({ tauRewards: integerIn(1, 1_000_000) }).optional(),
});

/**
 * e-prop: the surrogate is the fast sigmoid `1 / (1 + |v - vth| / surrogateWidth)^2`, with
 * `v - vth` on the `vth` scale, so it peaks at 1 at the threshold and is 1/4 one width away.
 */
export const epropSchema = z.strictObject({
  rule: z.literal('eprop'),
  ...boundFields,
  learningRate: positiveNumber(),
  /**
   * Step size of the readout weights; `learningRate` when absent. The readout's gradient is on
   * another scale than the synapses' (it does not carry the membrane's units), so plain SGD
   * needs its own rate.
   */
  readoutLearningRate: positiveNumber().optional(),
  /** Time constant of the readout's low-pass filter. */
  tauOutMs: positiveNumber(),
  /** Feedback weights of the learning signal: fixed random, or the readout weights transposed. */
  feedback: z.enum(['random', 'symmetric']).default('random'),
  surrogateWidth: positiveNumber().default(0.5),
  /** Let the reset's dependence on `v` into the gradient; detached by default. */
  resetInGradient: z.boolean({ error: 'expected true or false' }).default(false),
  /** Ticks between applying the accumulated update; 1 applies it every tick. */
  updateEveryTicks: integerIn(1, 2 ** 31 - 1).default(1),
  /**
   * `adam` rescales every gradient with Adam (Kingma and Ba 2015, betas 0.9 and 0.999, epsilon
   * 1e-8) before the step, as Bellec et al. (2020) train e-prop. `sgd`, the default, applies the
   * gradient as it is. Adam runs in float mode only.
   */
  optimizer: z.enum(['sgd', 'adam']).optional(),
  /** False keeps the readout bias at zero, its initial value; trained when absent (float mode only has a bias). */
  trainReadoutBias: z.boolean({ error: 'expected true or false' }).optional(),
  /**
   * At the first tick of every sample of the data stimulus, return the recurrent population and
   * the rule's traces and readout to rest, so each sample is learned as a separate sequence
   * (`core/sim/eprop-driver.ts`). Off when absent.
   */
  resetEachSample: z.boolean({ error: 'expected true or false' }).optional(),
});

export const learningSchema = z.discriminatedUnion('rule', [stdpSchema, rstdpSchema, epropSchema]);

export type CadenceSpec = z.infer<typeof cadenceSchema>;
export type NormalizeSpec = z.infer<typeof normalizeSchema>;
export type EnvelopeSpec = z.infer<typeof envelopeSchema>;
export type StdpSpec = z.infer<typeof stdpSchema>;
export type RstdpSpec = z.infer<typeof rstdpSchema>;
export type EpropSpec = z.infer<typeof epropSchema>;
export type LearningSpec = z.infer<typeof learningSchema>;
