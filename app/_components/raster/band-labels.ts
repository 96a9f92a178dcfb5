/**
 * Layout of the raster's axis and band labels, kept apart from the drawing so that it can be
 * tested without a canvas. All lengths are in canvas pixels.
 */
import type { RasterView } from './bin-spikes';
import type { RasterPopulation } from './draw-raster';

export interface BandLabel {
  name: string;
  /** Vertical centre of the label text. */
  y: number;
}

/**
 * Places one label per population whose band shows in the view, at the band's middle. A band
 * thinner than a line of text still gets its label, moved inside the plot when its middle is
 * too close to the plot's top or bottom edge. A label that would overlap the label placed
 * before it is left out, so a bigger band keeps its label over a thin neighbour's.
 */
export function placeBandLabels(
  populations: readonly RasterPopulation[],
  view: RasterView,
  plot: { top: number; height: number },
  lineHeight: number,
): BandLabel[] {
  const yScale = plot.height / (view.neuronEnd - view.neuronStart);
  const bottom = plot.top + plot.height;
  const visible = populations.filter(
    (population) =>
      population.size > 0 &&
      population.offset < view.neuronEnd &&
      population.offset + population.size > view.neuronStart,
  );

  // Bigger bands first, so the greedy overlap check keeps their labels.
  const bySize = [...visible].sort((a, b) => b.size - a.size);
  const placed: BandLabel[] = [];
  for (const population of bySize) {
    const first = Math.max(population.offset, view.neuronStart);
    const last = Math.min(population.offset + population.size, view.neuronEnd);
    const middle = bottom - ((first + last) / 2 - view.neuronStart) * yScale;
    const y = Math.min(Math.max(middle, plot.top + lineHeight / 2), bottom - lineHeight / 2);
    if (placed.every((other) => Math.abs(other.y - y) >= lineHeight))
      placed.push({ name: population.name, y });
  }
  return placed;
}

/**
 * Returns the x of a label centred on `x` moved inside the canvas, so the first and last tick
 * labels are not cut off at its edges.
 */
export function clampLabelX(x: number, labelWidth: number, canvasWidth: number): number {
  return Math.min(Math.max(x, labelWidth / 2), canvasWidth - labelWidth / 2);
}
