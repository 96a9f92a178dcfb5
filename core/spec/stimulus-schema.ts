/**
 * Schema of what drives and what observes a network: stimuli, encoders, data streams,
 * recording and the task readout.
 *
 * A stimulus gives either explicit `spikes` or an `encoder`, which encodes its `data` or, with no
 * data, the constant value 1 on every input (a Poisson encoder then fires at `maxRateHz`). Which
 * one, and whether the indices fit the population, is checked by the semantic checks.
 */
import { z } from 'zod';

import { MNIST_DIGITS } from '../data/mnist-shape';
import { integerIn, numberIn, positiveInteger, positiveNumber, referenceField } from './fields';

/** A tick: time is an integer tick counter starting at 1. */
const tick = z
  .number({ error: 'expected an integer tick >= 1' })
  .int('expected an integer tick >= 1')
  .min(1, 'expected an integer tick >= 1');

const neuronIndex = z
  .number({ error: 'expected an integer neuron index >= 0' })
  .int('expected an integer neuron index >= 0')
  .min(0, 'expected an integer neuron index >= 0');

export const encoderSchema = z.discriminatedUnion('kind', [
  /** One Bernoulli draw per input per tick with p = x * maxRateHz * dtMs / 1000 for a value x in 0..1. */
  z.strictObject({ kind: z.literal('poisson'), maxRateHz: positiveNumber() }),
  /** One spike round((1 - x) * (presentTicks - 1)) ticks into the sample, none when x < silenceThreshold. */
  z.strictObject({ kind: z.literal('latency'), silenceThreshold: numberIn(0, 1).default(0) }),
  /** An event of sign +1 or -1 whenever the signal moves `threshold` away from its reconstruction. */
  z.strictObject({ kind: z.literal('delta'), threshold: positiveNumber() }),
  /** ON/OFF events of the image swept along three saccades, at a log-intensity change threshold. */
  z.strictObject({
    kind: z.literal('saccade'),
    threshold: positiveNumber().default(0.15),
    amplitudePx: integerIn(1, 14).default(2),
  }),
  /**
   * The digit row by row, each row for `ticksPerRow` ticks: on each tick of row r, input c (one per
   * column) spikes with probability equal to pixel (r, c). With `rowCue`, inputs 28..55 are one
   * per row and input 28 + r spikes on every tick of row r. The data's `presentTicks` must be
   * 28 * ticksPerRow, and the population has 28 inputs, or 56 with the cue.
   */
  z.strictObject({
    kind: z.literal('rows'),
    ticksPerRow: integerIn(1, 1000),
    rowCue: z.boolean().default(false),
  }),
]);

/** Largest shift of a drift in pixels: one pixel short of the digit's 28-pixel width and height. */
export const DRIFT_SHIFT_MAX_PX = 27;

const contrastExpectation = 'expected a number in (0, 1]: 1 keeps the contrast, 0.5 halves it';

/**
 * A drift of the input, from sample `fromSample` of the stream on (samples count from 0). Every
 * digit's contrast is scaled by `contrast` around the digit's mean intensity. Then the digit is
 * shifted by `shiftX` pixels to the right and `shiftY` down (negative values go left and up).
 * Pixels shifted past the border are lost and vacated ones are 0. This is the drift of the drift
 * experiment, `{ contrast: 0.5, shiftX: 3, shiftY: 0 }`. The semantic checks bound `fromSample`
 * by the data's `samples`.
 */
export const driftSchema = z.strictObject({
  fromSample: integerIn(0, Number.MAX_SAFE_INTEGER),
  contrast: z
    .number({ error: contrastExpectation })
    .gt(0, contrastExpectation)
    .max(1, contrastExpectation)
    .default(1),
  shiftX: integerIn(-DRIFT_SHIFT_MAX_PX, DRIFT_SHIFT_MAX_PX).default(0),
  shiftY: integerIn(-DRIFT_SHIFT_MAX_PX, DRIFT_SHIFT_MAX_PX).default(0),
});

export const dataSchema = z.strictObject({
  dataset: z.literal('mnist'),
  split: z.enum(['train', 'test']),
  /** Samples presented; above the split's size (8,000 train, 2,000 test) the split repeats, reshuffled. */
  samples: positiveInteger(),
  /**
   * Global indices of the digits to present, in this order, instead of the seeded order. There is
   * one per sample, each a digit of `split`: per class, the last 20% of its digits are test digits
   * (`mnistSplitRanges`).
   */
  indices: z.array(integerIn(0, MNIST_DIGITS - 1)).optional(),
  presentTicks: positiveInteger(),
  restTicks: integerIn(0, 2 ** 31 - 1).default(0),
  /** The population whose activity is scored against each sample's label, usually the readout's. */
  labels: z.strictObject({ population: referenceField() }).optional(),
  /** Contrast and position change of the digits from a given sample on; none when absent. */
  drift: driftSchema.optional(),
});

export const stimulusSchema = z.strictObject({
  population: referenceField(),
  /** `[tick, neuron]`: the input neuron emits a spike at that tick. */
  spikes: z.array(z.tuple([tick, neuronIndex], { error: 'expected a pair [tick, neuron]' })).optional(),
  encoder: encoderSchema.optional(),
  data: dataSchema.optional(),
});

export const stateRecordSchema = z.strictObject({
  population: referenceField(),
  vars: z.array(z.enum(['u', 'v', 'threshold'])).min(1, 'expected at least one of u, v, threshold'),
  /** Sampling period in ticks. */
  every: positiveInteger().default(1),
});

export const recordSchema = z.strictObject({
  /** Populations whose spikes are kept. */
  spikes: z.array(referenceField()).default([]),
  state: z.array(stateRecordSchema).default([]),
  /** Weight snapshots every `every` ticks, of the named projections or of all plastic ones. */
  weights: z
    .strictObject({ every: positiveInteger(), projections: z.array(referenceField()).optional() })
    .optional(),
});

/**
 * How a task decodes the network's class decision: `vote` assigns neurons to classes by their activity,
 * `linear` trains a linear map of filtered spikes to class scores.
 */
export const readoutSchema = z.strictObject({
  population: referenceField(),
  kind: z.enum(['vote', 'linear']),
  classes: integerIn(2, 1000).default(10),
});

export type EncoderSpec = z.infer<typeof encoderSchema>;
export type DataSpec = z.infer<typeof dataSchema>;
export type DriftSpec = z.infer<typeof driftSchema>;
export type StimulusSpec = z.infer<typeof stimulusSchema>;
export type StateRecordSpec = z.infer<typeof stateRecordSchema>;
export type RecordSpec = z.infer<typeof recordSchema>;
export type ReadoutSpec = z.infer<typeof readoutSchema>;
