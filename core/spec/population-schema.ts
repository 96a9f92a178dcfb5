/**
 * Schema of a population and its neuron model.
 *
 * A neuron model is given either as chip registers or as physical constants that the compiler
 * converts (decay register `round(4096 * (1 - exp(-dtMs / tauMs)))`, refractory ticks
 * `round(refractoryMs / dtMs)`). Rules that tie fields together (exactly one of `registers`
 * and `physical`, ALIF fields only for `alif`) live in the semantic checks, which report them
 * with the same paths.
 */
import { z } from 'zod';

import {
  DECAY_REGISTER_MAX,
  POPULATION_SIZE_MAX,
  REFRACTORY_MAX_TICKS,
  VTH_MAX,
  integerIn,
  nameField,
  nonNegativeNumber,
  numberIn,
  positiveNumber,
} from './fields';

/** Fixed-point registers, with the chip's ranges. */
export const registersSchema = z.strictObject({
  du: integerIn(0, DECAY_REGISTER_MAX),
  dv: integerIn(0, DECAY_REGISTER_MAX),
  vth: integerIn(0, VTH_MAX),
  biasMant: integerIn(-4096, 4095).default(0),
  biasExp: integerIn(0, 7).default(0),
  /** Refractory period in ticks, 0 = none. */
  refractory: integerIn(0, REFRACTORY_MAX_TICKS).default(0),
  /** ALIF only: decay register of the threshold offset, applied like `dv`. */
  dThreshold: integerIn(0, DECAY_REGISTER_MAX).optional(),
  /** ALIF only: threshold increment per spike, in units of 2^6 like `vth`. */
  adaptInc: integerIn(0, VTH_MAX).optional(),
});

/**
 * Physical constants. `vth` and `adaptInc` are on the register scale (units of 2^6) but may be
 * real: the fixed model rounds them, the float model uses them as given.
 */
export const physicalSchema = z.strictObject({
  tauSynMs: positiveNumber(),
  tauMemMs: positiveNumber(),
  vth: numberIn(0, VTH_MAX),
  refractoryMs: nonNegativeNumber().default(0),
  biasMant: integerIn(-4096, 4095).default(0),
  biasExp: integerIn(0, 7).default(0),
  /** ALIF only: time constant of the threshold offset. */
  tauAdaptMs: positiveNumber().optional(),
  /** ALIF only: threshold increment per spike, on the `vth` scale. */
  adaptInc: numberIn(0, VTH_MAX).optional(),
});

export const neuronSchema = z.strictObject({
  model: z.enum(['lif', 'alif']),
  registers: registersSchema.optional(),
  physical: physicalSchema.optional(),
  /** Reset of the float model: to zero (default) or by subtracting the threshold. */
  reset: z.enum(['zero', 'subtract']).optional(),
});

export const populationSchema = z.strictObject({
  name: nameField(),
  size: integerIn(1, POPULATION_SIZE_MAX),
  /** `input` neurons spike only at their stimulus's events; a `neuron` population (the default) needs `neuron`. */
  kind: z.enum(['input', 'neuron']).default('neuron'),
  neuron: neuronSchema.optional(),
});

export type NeuronRegistersSpec = z.infer<typeof registersSchema>;
export type NeuronPhysicalSpec = z.infer<typeof physicalSchema>;
export type NeuronSpec = z.infer<typeof neuronSchema>;
export type PopulationSpec = z.infer<typeof populationSchema>;
