/** One run's series: x values ascending, one y per x. */
export interface XYSeries {
  x: readonly number[];
  y: readonly (number | null)[];
}

/**
 * Puts several series on one shared, ascending x axis (the union of their x values), with null
 * where a series has no point, as a plot of overlaid runs needs. Duplicate x values in one series
 * keep the last y.
 */
export function alignSeries(series: readonly XYSeries[]): { x: number[]; ys: (number | null)[][] } {
  const x = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const position = new Map(x.map((value, index) => [value, index]));

  const ys = series.map((s) => {
    const aligned: (number | null)[] = new Array<number | null>(x.length).fill(null);
    s.x.forEach((value, index) => {
      const at = position.get(value);
      if (at !== undefined) aligned[at] = s.y[index] ?? null;
    });
    return aligned;
  });
  return { x, ys };
}
