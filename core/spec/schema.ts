/**
 * The network spec v1: one zod schema for the document users write, the API takes and every
 * run stores.
 *
 * The schema checks shapes, types and per-field ranges. The rules that relate fields to each
 * other (names, references, sizes, modes) are semantic checks, which `parseSpec` runs after it. Unknown fields are rejected, so a misspelt field is reported instead of ignored.
 * Field names are a contract: fields may be added, none renamed.
 */
import { z } from 'zod';

import { DT_MS_MAX, DT_MS_MIN, nameField, numberIn } from './fields';
import { populationSchema } from './population-schema';
import { projectionSchema } from './projection-schema';
import { readoutSchema, recordSchema, stimulusSchema } from './stimulus-schema';

export const SPEC_API_VERSION = 'livenet/v1';

export const chipSchema = z.strictObject({
  profile: z.enum(['loihi2-like', 'loihi1-like']).default('loihi2-like'),
  /** `fixed`: bit-accurate integers, the chip; `float`: float64 reference with the same step order. */
  mode: z.enum(['fixed', 'float']).default('fixed'),
});

export const specSchema = z.strictObject({
  apiVersion: z.literal(SPEC_API_VERSION, { error: `expected '${SPEC_API_VERSION}'` }),
  name: nameField(),
  chip: chipSchema.prefault({}),
  /** Tick length, used only at compile time to turn physical constants into per-tick constants. */
  dtMs: numberIn(DT_MS_MIN, DT_MS_MAX),
  populations: z.array(populationSchema).min(1, 'expected at least one population'),
  projections: z.array(projectionSchema).default([]),
  stimulus: z.array(stimulusSchema).default([]),
  record: recordSchema.prefault({}),
  /** How a task decodes the class decision; e-prop and confidence-driven envelopes need it. */
  readout: readoutSchema.optional(),
});

export type ChipSpec = z.infer<typeof chipSchema>;
/** A parsed and checked spec, with defaults filled in. */
export type Spec = z.infer<typeof specSchema>;
/** A spec as written, before defaults. */
export type SpecInput = z.input<typeof specSchema>;

export type {
  NeuronPhysicalSpec,
  NeuronRegistersSpec,
  NeuronSpec,
  PopulationSpec,
} from './population-schema';
export type { ConnectivitySpec, ProjectionSpec, WeightsSpec } from './projection-schema';
export type {
  CadenceSpec,
  EnvelopeSpec,
  EpropSpec,
  LearningSpec,
  RstdpSpec,
  StdpSpec,
} from './learning-schema';
export type {
  DataSpec,
  DriftSpec,
  EncoderSpec,
  ReadoutSpec,
  RecordSpec,
  StateRecordSpec,
  StimulusSpec,
} from './stimulus-schema';
