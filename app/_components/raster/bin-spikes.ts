/**
 * Bins spikes into a grid of at most one cell per device pixel, so drawing costs one pass over
 * the spikes plus one pass over the pixels however many spikes there are.
 *
 * The view is a half-open window `[tickStart, tickEnd) x [neuronStart, neuronEnd)`. The grid
 * covers the whole ticks and neurons the window touches (`floor(start)` to `ceil(end)`). It has
 * one column per tick while ticks are wider than a pixel, and one column per pixel once they are
 * narrower. Rows work the same way for neurons.
 */

/** Maximum axis span that maps through a lookup table (a 16 MB Int32Array). */
const MAX_TABLE_SPAN = 1 << 22;

export interface RasterView {
  tickStart: number;
  tickEnd: number;
  neuronStart: number;
  neuronEnd: number;
}

export interface SpikeGrid {
  columns: number;
  rows: number;
  /** First tick and neuron of the grid (whole numbers at or below the view's start). */
  tickOrigin: number;
  neuronOrigin: number;
  /** Ticks and neurons per grid cell (at least 1). */
  ticksPerColumn: number;
  neuronsPerRow: number;
  /** Spikes per cell, row-major with row 0 at `neuronOrigin`. */
  counts: Uint32Array;
  /** Spikes that fell inside the grid. */
  drawn: number;
  maxCount: number;
}

/** Plans the grid for a view drawn into `widthPx x heightPx` device pixels. */
export function planGrid(view: RasterView, widthPx: number, heightPx: number) {
  const tickOrigin = Math.floor(view.tickStart);
  const tickSpan = Math.max(1, Math.ceil(view.tickEnd) - tickOrigin);
  const neuronOrigin = Math.floor(view.neuronStart);
  const neuronSpan = Math.max(1, Math.ceil(view.neuronEnd) - neuronOrigin);

  const columns = Math.max(1, Math.min(Math.floor(widthPx), tickSpan));
  const rows = Math.max(1, Math.min(Math.floor(heightPx), neuronSpan));

  return {
    columns,
    rows,
    tickOrigin,
    neuronOrigin,
    ticksPerColumn: tickSpan / columns,
    neuronsPerRow: neuronSpan / rows,
  };
}

/**
 * Counts the first `count` spikes of the parallel arrays into the grid planned for `view`.
 * `scratch` is reused when it is large enough, so redraws while panning allocate nothing.
 */
export function binSpikes(
  ticks: Int32Array,
  neurons: Int32Array,
  count: number,
  view: RasterView,
  widthPx: number,
  heightPx: number,
  scratch?: Uint32Array,
): SpikeGrid {
  const plan = planGrid(view, widthPx, heightPx);
  const cells = plan.columns * plan.rows;
  const counts = scratch && scratch.length >= cells ? scratch.subarray(0, cells) : new Uint32Array(cells);
  counts.fill(0);

  // Ticks and neurons are integers, so an axis of modest span maps through a lookup table: the
  // hot loop then does two array reads per spike and no floating-point work. Longer axes (a run
  // of millions of ticks) fall back to a multiply and floor.
  const columnOf =
    plan.columns * plan.ticksPerColumn <= MAX_TABLE_SPAN
      ? indexTable(plan.columns, plan.ticksPerColumn)
      : null;
  const rowOf =
    plan.rows * plan.neuronsPerRow <= MAX_TABLE_SPAN ? indexTable(plan.rows, plan.neuronsPerRow) : null;
  const tickSpan = Math.round(plan.columns * plan.ticksPerColumn);
  const neuronSpan = Math.round(plan.rows * plan.neuronsPerRow);
  const columnScale = 1 / plan.ticksPerColumn;
  const rowScale = 1 / plan.neuronsPerRow;
  const columns = plan.columns;
  let drawn = 0;
  let maxCount = 0;

  const n = Math.min(count, ticks.length, neurons.length);
  for (let i = 0; i < n; i++) {
    // `>>> 0` turns a negative offset into a huge one, so one comparison checks both ends.
    const tickOffset = (ticks[i]! - plan.tickOrigin) >>> 0;
    const neuronOffset = (neurons[i]! - plan.neuronOrigin) >>> 0;
    if (tickOffset >= tickSpan || neuronOffset >= neuronSpan) continue;

    const column = columnOf
      ? columnOf[tickOffset]!
      : Math.min(columns - 1, Math.floor(tickOffset * columnScale));
    const row = rowOf ? rowOf[neuronOffset]! : Math.min(plan.rows - 1, Math.floor(neuronOffset * rowScale));
    const cell = row * columns + column;
    const value = counts[cell]! + 1;
    counts[cell] = value;
    if (value > maxCount) maxCount = value;
    drawn += 1;
  }

  return { ...plan, counts, drawn, maxCount };
}

/** Grid index of each whole unit of a span of `cells * unitsPerCell` units. */
function indexTable(cells: number, unitsPerCell: number): Int32Array {
  const span = Math.round(cells * unitsPerCell);
  const table = new Int32Array(span);
  const scale = 1 / unitsPerCell;
  // The min() guards against a product that rounds up to `cells` in floating point.
  for (let unit = 0; unit < span; unit++) table[unit] = Math.min(cells - 1, Math.floor(unit * scale));
  return table;
}
