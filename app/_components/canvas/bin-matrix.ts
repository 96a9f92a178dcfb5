/**
 * Averages a row-major `rows x columns` matrix into at most `maxRows x maxColumns` blocks, so a
 * heat map of a large projection draws one cell per pixel. Block edges are `floor(i * rows /
 * outRows)`, so every source cell lands in exactly one block. Returns the matrix itself, as
 * Float32Array values, when it already fits.
 */
export function binMatrix(
  values: ArrayLike<number>,
  rows: number,
  columns: number,
  maxRows: number,
  maxColumns: number,
): { values: Float32Array; rows: number; columns: number } {
  if (values.length < rows * columns) {
    throw new Error(`matrix has ${values.length} values, expected rows x columns = ${rows * columns}`);
  }

  const outRows = Math.max(1, Math.min(rows, Math.floor(maxRows)));
  const outColumns = Math.max(1, Math.min(columns, Math.floor(maxColumns)));
  const sums = new Float64Array(outRows * outColumns);
  const counts = new Uint32Array(outRows * outColumns);

  for (let row = 0; row < rows; row++) {
    const outRow = Math.floor((row * outRows) / rows);
    for (let column = 0; column < columns; column++) {
      const cell = outRow * outColumns + Math.floor((column * outColumns) / columns);
      sums[cell]! += values[row * columns + column]!;
      counts[cell]! += 1;
    }
  }

  const out = new Float32Array(outRows * outColumns);
  for (let cell = 0; cell < out.length; cell++) out[cell] = sums[cell]! / Math.max(1, counts[cell]!);
  return { values: out, rows: outRows, columns: outColumns };
}

/** Smallest and largest finite value, or [0, 0] when there is none. */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min === Infinity ? [0, 0] : [min, max];
}
