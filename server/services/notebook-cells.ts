/**
 * The notebook document: an ordered list of markdown, spec and run cells, stored as one JSON value
 * `{ schemaVersion, cells }`. Version 1 held markdown and spec cells only. Version 2 adds run
 * cells, so a stored version 1 document is already a valid version 2 cell list and is read
 * unchanged, without rewriting the row.
 */
import { z } from 'zod';

export const NOTEBOOK_SCHEMA_VERSION = 2;
export const MAX_CELLS = 200;
export const MAX_CELL_SOURCE_CHARS = 200_000;
/** Largest seed a run accepts (the core's random streams take a 31-bit seed). */
export const MAX_RUN_SEED = 2 ** 31 - 1;

const cellId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1..64 characters of A-Z a-z 0-9 _ -');

/** Settings of the next run of a network cell and the id of the last run started from it. */
export const runCellSchema = z.strictObject({
  id: cellId,
  type: z.literal('run'),
  /** The network cell to run; null picks the nearest spec cell above. */
  specCellId: cellId.nullable(),
  /** null: the spec's `chip.mode`. */
  mode: z.enum(['fixed', 'float']).nullable(),
  /** null: the server draws a seed and stores it with the run. */
  seed: z.number().int().min(0).max(MAX_RUN_SEED).nullable(),
  /** Length of the run; null: the length of the spec's data stream. */
  ticks: z.number().int().positive().nullable(),
  /** Data split for every data stimulus of the spec; null keeps the spec's. */
  split: z.enum(['train', 'test']).nullable(),
  /** Samples of every data stimulus; null keeps the spec's. */
  samples: z.number().int().positive().nullable(),
  lastRunId: z.uuid().nullable(),
});

export const cellSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: cellId, type: z.literal('markdown'), source: z.string().max(MAX_CELL_SOURCE_CHARS) }),
  /** A network spec in YAML; runs are created from it. */
  z.strictObject({ id: cellId, type: z.literal('spec'), source: z.string().max(MAX_CELL_SOURCE_CHARS) }),
  runCellSchema,
]);

export const cellsSchema = z
  .array(cellSchema)
  .max(MAX_CELLS)
  .superRefine((cells, context) => {
    const seen = new Set<string>();
    cells.forEach((cell, index) => {
      if (seen.has(cell.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `duplicate cell id "${cell.id}"`,
          input: cell.id,
        });
      }
      seen.add(cell.id);
    });
  });

export type Cell = z.infer<typeof cellSchema>;
export type RunCell = z.infer<typeof runCellSchema>;

export const notebookDocumentSchema = z.strictObject({
  schemaVersion: z.literal(NOTEBOOK_SCHEMA_VERSION),
  cells: cellsSchema,
});

/** Version 1: the cells of a notebook stored before run cells were. */
const notebookDocumentV1Schema = z.strictObject({
  schemaVersion: z.literal(1),
  cells: cellsSchema.refine((cells) => cells.every((cell) => cell.type !== 'run'), {
    message: 'invalid: a version 1 notebook has no run cells',
  }),
});

export type NotebookDocument = z.infer<typeof notebookDocumentSchema>;

export function toNotebookDocument(cells: Cell[]): NotebookDocument {
  return { schemaVersion: NOTEBOOK_SCHEMA_VERSION, cells };
}

/**
 * Reads a stored document of any known version as the current one. A row that fails every
 * schema is a server bug, so this throws.
 */
export function parseNotebookDocument(value: unknown): NotebookDocument {
  const older = notebookDocumentV1Schema.safeParse(value);
  if (older.success) return toNotebookDocument(older.data.cells);
  return notebookDocumentSchema.parse(value);
}
