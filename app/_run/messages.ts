/**
 * Schemas of the messages of a run's progress feed, parsed where they enter the browser. The
 * server types chunk and event payloads as free JSON, so each is checked here. A field that is
 * missing or of the wrong type is dropped instead of breaking the page.
 */
import { z } from 'zod';

const count = z.number().finite().nonnegative();

export const chunkDataSchema = z.looseObject({
  tick: z.number().int(),
  samplesDone: count.optional().catch(undefined),
  accuracy: z.number().finite().nullable().optional().catch(null),
  spikeCounts: z.record(z.string(), count).optional().catch(undefined),
  raster: z
    .array(
      z.object({
        population: z.string(),
        spikes: z.array(z.tuple([z.number().int(), z.number().int()])),
      }),
    )
    .optional()
    .catch(undefined),
  rasterTruncated: z.boolean().optional().catch(undefined),
  /** Cumulative counters since the start of the run. */
  counters: z.record(z.string(), z.number().finite()).optional().catch(undefined),
  /** Cumulative energy estimate in joules. */
  energyJ: z.number().finite().optional().catch(undefined),
  /** Sampled state (`record.state`) of the first neurons of each recorded population. */
  state: z
    .array(
      z.object({
        population: z.string(),
        variable: z.enum(['u', 'v', 'threshold']),
        neurons: z.array(z.number().int().nonnegative()),
        ticks: z.array(z.number().int()),
        values: z.array(z.array(z.number().finite())),
        thinned: z.boolean().catch(false),
      }),
    )
    .optional()
    .catch(undefined),
});

export type ChunkData = z.infer<typeof chunkDataSchema>;

export const runStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const progressMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('status'),
    status: runStatusSchema,
    ticksDone: z.number(),
    totalTicks: z.number(),
    error: z.string().nullable(),
    summary: z.unknown(),
  }),
  z.object({ type: z.literal('chunk'), seq: z.number().int(), tick: z.number().int(), data: z.unknown() }),
  z.object({
    type: z.literal('event'),
    seq: z.number().int(),
    tick: z.number().int(),
    kind: z.string(),
    data: z.unknown(),
    appliedTick: z.number().int().nullable(),
  }),
]);

export type ProgressMessage = z.infer<typeof progressMessageSchema>;

/** The part of a stored spec the run views need: population sizes and what was recorded. */
export const runSpecShapeSchema = z.looseObject({
  name: z.string().catch('network'),
  dtMs: z.number().catch(1),
  populations: z.array(z.looseObject({ name: z.string(), size: z.number().int().positive() })),
  record: z
    .looseObject({ spikes: z.array(z.string()).catch([]) })
    .optional()
    .catch(undefined),
  stimulus: z
    .array(
      z.looseObject({
        data: z
          .looseObject({
            samples: z.number().optional(),
            presentTicks: z.number().optional(),
            restTicks: z.number().optional(),
          })
          .optional()
          .catch(undefined),
      }),
    )
    .catch([]),
});

export type RunSpecShape = z.infer<typeof runSpecShapeSchema>;

export const runSummarySchema = z.looseObject({
  ticks: z.number().optional().catch(undefined),
  samplesDone: z.number().optional().catch(undefined),
  accuracy: z.number().nullable().optional().catch(null),
  spikes: z.record(z.string(), z.number()).optional().catch(undefined),
  energyEstimateJ: z.number().optional().catch(undefined),
  energyTable: z.string().optional().catch(undefined),
});

export type RunSummaryData = z.infer<typeof runSummarySchema>;
