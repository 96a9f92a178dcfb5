import type { Program } from '../program';

/** Expands projection `index`'s synapse weights into a `[from][to]` matrix, `null` where no synapse exists. */
export function weightMatrix(
  program: Program,
  index: number,
  weights: ArrayLike<number>,
): (number | null)[][] {
  const projection = program.projections[index]!;
  const preSize = program.populations[projection.from]!.size;
  const postSize = program.populations[projection.to]!.size;
  const matrix: (number | null)[][] = [];

  for (let i = 0; i < preSize; i++) {
    const row: (number | null)[] = new Array<number | null>(postSize).fill(null);
    for (let s = projection.rowPtr[i]!; s < projection.rowPtr[i + 1]!; s++)
      row[projection.post[s]!] = weights[s]!;
    matrix.push(row);
  }
  return matrix;
}
