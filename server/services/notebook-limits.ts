/**
 * The size limit of a notebook document. Each cell is already capped by the schema; this caps
 * the whole document, which is stored as one JSON value and sent whole to every reader.
 */
import { InvalidError } from '../errors';
import { type Cell, toNotebookDocument } from './notebook-cells';

/** Throws InvalidError naming the limit and the size when the stored document would be too large. */
export function assertNotebookWithinLimit(cells: Cell[], maxBytes: number): void {
  const bytes = Buffer.byteLength(JSON.stringify(toNotebookDocument(cells)));
  if (bytes > maxBytes) {
    throw new InvalidError(
      `the notebook is ${bytes} bytes, more than the limit of ${maxBytes} (LIVENET_MAX_NOTEBOOK_BYTES)`,
      [{ path: 'cells', message: `at most ${maxBytes} bytes of JSON`, value: bytes }],
    );
  }
}
