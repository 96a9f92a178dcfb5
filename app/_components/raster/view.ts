import type { RasterView } from './bin-spikes';

export type ZoomAxis = 'ticks' | 'neurons';

/** Narrowest window a zoom may reach: a handful of ticks, a couple of neurons. */
const MIN_TICK_SPAN = 4;
const MIN_NEURON_SPAN = 2;

/** Moves and shrinks a view so it lies inside `full`; returns `full` itself when it covers it. */
export function clampView(view: RasterView, full: RasterView): RasterView {
  const [tickStart, tickEnd] = clampRange(view.tickStart, view.tickEnd, full.tickStart, full.tickEnd);
  const [neuronStart, neuronEnd] = clampRange(
    view.neuronStart,
    view.neuronEnd,
    full.neuronStart,
    full.neuronEnd,
  );
  const coversFull =
    tickStart === full.tickStart &&
    tickEnd === full.tickEnd &&
    neuronStart === full.neuronStart &&
    neuronEnd === full.neuronEnd;
  return coversFull ? full : { tickStart, tickEnd, neuronStart, neuronEnd };
}

/**
 * Scales one axis of the view by `factor` (above 1 zooms out), keeping the point under the
 * cursor fixed. `at` is the cursor's position as a fraction of the plot, 0 at left and bottom.
 */
export function zoomView(
  view: RasterView,
  full: RasterView,
  factor: number,
  at: { x: number; y: number },
  axis: ZoomAxis,
): RasterView {
  if (axis === 'ticks') {
    const [start, end] = zoomRange(view.tickStart, view.tickEnd, factor, clamp01(at.x), MIN_TICK_SPAN);
    return clampView({ ...view, tickStart: start, tickEnd: end }, full);
  }
  const [start, end] = zoomRange(view.neuronStart, view.neuronEnd, factor, clamp01(at.y), MIN_NEURON_SPAN);
  return clampView({ ...view, neuronStart: start, neuronEnd: end }, full);
}

/** Shifts the view by a drag of `dx`, `dy` plot fractions (content follows the pointer). */
export function panView(view: RasterView, full: RasterView, dx: number, dy: number): RasterView {
  const tickShift = -dx * (view.tickEnd - view.tickStart);
  const neuronShift = -dy * (view.neuronEnd - view.neuronStart);
  return clampView(
    {
      tickStart: view.tickStart + tickShift,
      tickEnd: view.tickEnd + tickShift,
      neuronStart: view.neuronStart + neuronShift,
      neuronEnd: view.neuronEnd + neuronShift,
    },
    full,
  );
}

function zoomRange(
  start: number,
  end: number,
  factor: number,
  at: number,
  minSpan: number,
): [number, number] {
  const span = end - start;
  const anchor = start + at * span;
  const nextSpan = Math.max(minSpan, span * factor);
  return [anchor - at * nextSpan, anchor - at * nextSpan + nextSpan];
}

function clampRange(start: number, end: number, min: number, max: number): [number, number] {
  const span = end - start;
  if (span >= max - min) return [min, max];
  if (start < min) return [min, min + span];
  if (end > max) return [max - span, max];
  return [start, end];
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
