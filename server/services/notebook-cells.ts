/**
 * The notebook document: an ordered list of markdown and spec cells, stored as one JSON value
 * `{ schemaVersion, cells }`. The schema version lets a later format be read next to this one.
 */
import { z } from 'zod';

export const NOTEBOOK_SCHEMA_VERSION = 1;
export const MAX_CELLS = 200;
export const MAX_CELL_SOURCE_CHARS = 200_000;

const cellId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1..64 characters of A-Z a-z 0-9 _ -');

export const cellSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: cellId, type: z.literal('markdown'), source: z.string().max(MAX_CELL_SOURCE_CHARS) }),
  /** A network spec in YAML; runs are created from it. */
  z.strictObject({ id: cellId, type: z.literal('spec'), source: z.string().max(MAX_CELL_SOURCE_CHARS) }),
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

export const notebookDocumentSchema = z.strictObject({
  schemaVersion: z.literal(NOTEBOOK_SCHEMA_VERSION),
  cells: cellsSchema,
});

export type NotebookDocument = z.infer<typeof notebookDocumentSchema>;

export function toNotebookDocument(cells: Cell[]): NotebookDocument {
  return { schemaVersion: NOTEBOOK_SCHEMA_VERSION, cells };
}

/** Reads a stored document; a row that fails the schema is a server bug, so this throws. */
export function parseNotebookDocument(value: unknown): NotebookDocument {
  return notebookDocumentSchema.parse(value);
}
