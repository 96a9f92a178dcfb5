/**
 * Schema of a projection: connectivity, initial weights, delay and optional learning.
 *
 * Weight layouts: with `dense` connectivity `values` is a matrix `[from][to]` (without autapses its
 * diagonal must be 0, since those synapses do not exist). With
 * `one-to-one` it is a flat list with one weight per synapse `i -> i`, and with `list` a flat
 * list in the order of `pairs`. `sparse` connectivity takes only `init` weights, since its
 * synapses are drawn at compile time. A projection has one delay for all its synapses, so plastic projections have
 * one delay by construction.
 */
import { z } from 'zod';

import {
  DELAY_MAX_TICKS,
  POPULATION_SIZE_MAX,
  finiteNumber,
  integerIn,
  nameField,
  referenceField,
} from './fields';
import { learningSchema } from './learning-schema';

const neuronIndex = integerIn(0, POPULATION_SIZE_MAX - 1);

export const connectivitySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('dense'),
    /**
     * `false` leaves out the synapses i -> i of a projection from a population to itself, as
     * lateral inhibition needs (NEST calls them autapses). Omitted means true.
     */
    autapses: z.boolean({ error: 'expected true or false' }).optional(),
  }),
  z.strictObject({ kind: z.literal('one-to-one') }),
  z.strictObject({
    kind: z.literal('sparse'),
    /** Probability of each possible synapse, drawn once at compile time. */
    p: z
      .number({ error: 'expected a number p with 0 < p <= 1' })
      .gt(0, 'expected a number p with 0 < p <= 1')
      .lte(1, 'expected a number p with 0 < p <= 1'),
  }),
  z.strictObject({
    kind: z.literal('list'),
    /** Synapses as `[from, to]` local indices. */
    pairs: z.array(z.tuple([neuronIndex, neuronIndex], { error: 'expected a pair [from, to]' })),
  }),
]);

export type WeightsSpec =
  | { values: number[] | number[][] }
  | { init: 'uniform'; low: number; high: number }
  | { init: 'constant'; value: number };

const weightFieldsSchema = z.strictObject({
  values: z.union([z.array(finiteNumber()), z.array(z.array(finiteNumber()))]).optional(),
  init: z.enum(['uniform', 'constant']).optional(),
  low: finiteNumber().optional(),
  high: finiteNumber().optional(),
  value: finiteNumber().optional(),
});

type WeightFields = z.infer<typeof weightFieldsSchema>;
type WeightKey = keyof WeightFields;

/** Field sets of each weight form. A field outside its form's set is reported at its own path. */
const WEIGHT_FORMS: Record<'values' | 'uniform' | 'constant', WeightKey[]> = {
  values: ['values'],
  uniform: ['init', 'low', 'high'],
  constant: ['init', 'value'],
};

/** Initial weights: explicit `values`, `{ init: uniform, low, high }` or `{ init: constant, value }`. */
export const weightsSchema = weightFieldsSchema.transform((fields, ctx): WeightsSpec => {
  const form = fields.values !== undefined ? 'values' : fields.init;
  if (form === undefined) {
    ctx.issues.push({
      code: 'custom',
      path: ['init'],
      input: undefined,
      message: "missing: give 'values', or 'init: uniform' with low and high, or 'init: constant' with value",
    });
    return z.NEVER;
  }

  const allowed = WEIGHT_FORMS[form];
  let valid = true;
  for (const key of Object.keys(fields) as WeightKey[]) {
    if (fields[key] === undefined || allowed.includes(key)) continue;
    ctx.issues.push({
      code: 'custom',
      path: [key],
      input: fields[key],
      message: `not allowed together with ${form === 'values' ? 'values' : `init: ${form}`}`,
    });
    valid = false;
  }
  for (const key of allowed) {
    if (fields[key] !== undefined) continue;
    ctx.issues.push({
      code: 'custom',
      path: [key],
      input: undefined,
      message: `missing: ${form} weights need ${allowed.filter((k) => k !== 'init').join(' and ')}`,
    });
    valid = false;
  }
  if (!valid) return z.NEVER;

  if (form === 'values') return { values: fields.values! };
  if (form === 'constant') return { init: 'constant', value: fields.value! };
  if (fields.low! > fields.high!) {
    ctx.issues.push({
      code: 'custom',
      path: ['high'],
      input: fields.high,
      message: `expected high >= low (${fields.low})`,
    });
    return z.NEVER;
  }
  return { init: 'uniform', low: fields.low!, high: fields.high! };
});

export const projectionSchema = z.strictObject({
  name: nameField(),
  from: referenceField(),
  to: referenceField(),
  connectivity: connectivitySchema,
  weights: weightsSchema,
  /** Projection-wide weight exponent: a weight `m` adds `m * 2^wExp` to the input. */
  wExp: integerIn(0, 7).default(0),
  /** Delay register in ticks: a spike emitted at tick t arrives at t + 1 + delay. */
  delay: integerIn(0, DELAY_MAX_TICKS).default(0),
  /** Absent: the projection is frozen. */
  learning: learningSchema.optional(),
});

export type ConnectivitySpec = z.infer<typeof connectivitySchema>;
export type ProjectionSpec = z.infer<typeof projectionSchema>;
