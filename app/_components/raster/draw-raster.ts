import { formatCompact, niceTicks } from '../canvas/axis';
import { hexToRgb, type CanvasTheme } from '../canvas/theme';
import { clampLabelX, placeBandLabels } from './band-labels';
import { binSpikes, type RasterView, type SpikeGrid } from './bin-spikes';

/** Space around the plot area in CSS pixels, for the axis labels. */
export const RASTER_MARGIN = { left: 64, right: 10, top: 6, bottom: 22 } as const;

export interface RasterPopulation {
  name: string;
  /** First global neuron index of the population. */
  offset: number;
  size: number;
}

export interface RasterFrame {
  ticks: Int32Array;
  neurons: Int32Array;
  count: number;
  view: RasterView;
  populations: readonly RasterPopulation[];
  theme: CanvasTheme;
  pixelRatio: number;
}

/** Offscreen canvas and count buffer kept between frames so a redraw allocates nothing. */
export interface RasterScratch {
  counts?: Uint32Array;
  image?: HTMLCanvasElement;
}

/** Draws one frame of the raster and returns the grid it binned (for the drawn count). */
export function drawRaster(
  context: CanvasRenderingContext2D,
  frame: RasterFrame,
  scratch: RasterScratch,
): SpikeGrid {
  const { pixelRatio: ratio, view, theme } = frame;
  const canvas = context.canvas;
  const plotLeft = RASTER_MARGIN.left * ratio;
  const plotTop = RASTER_MARGIN.top * ratio;
  const plotWidth = Math.max(1, canvas.width - (RASTER_MARGIN.left + RASTER_MARGIN.right) * ratio);
  const plotHeight = Math.max(1, canvas.height - (RASTER_MARGIN.top + RASTER_MARGIN.bottom) * ratio);

  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  drawPopulationBands(context, frame, plotLeft, plotTop, plotWidth, plotHeight);

  const grid = binSpikes(
    frame.ticks,
    frame.neurons,
    frame.count,
    view,
    plotWidth,
    plotHeight,
    scratch.counts,
  );
  if (!scratch.counts || grid.counts.length > scratch.counts.length) scratch.counts = grid.counts;
  const image = paintGrid(grid, theme, scratch);

  // The grid starts at whole ticks and neurons, so it is placed by where those fall in the view.
  // Neuron 0 is at the bottom, so rows are flipped.
  const xScale = plotWidth / (view.tickEnd - view.tickStart);
  const yScale = plotHeight / (view.neuronEnd - view.neuronStart);
  const gridX = plotLeft + (grid.tickOrigin - view.tickStart) * xScale;
  const gridWidth = grid.columns * grid.ticksPerColumn * xScale;
  const gridHeight = grid.rows * grid.neuronsPerRow * yScale;
  const gridBottom = plotTop + plotHeight - (grid.neuronOrigin - view.neuronStart) * yScale;

  context.save();
  context.beginPath();
  context.rect(plotLeft, plotTop, plotWidth, plotHeight);
  context.clip();
  context.imageSmoothingEnabled = false;
  context.translate(gridX, gridBottom);
  context.scale(1, -1);
  context.drawImage(image, 0, 0, grid.columns, grid.rows, 0, 0, gridWidth, gridHeight);
  context.restore();

  drawAxes(context, frame, plotLeft, plotTop, plotWidth, plotHeight);
  return grid;
}

function paintGrid(grid: SpikeGrid, theme: CanvasTheme, scratch: RasterScratch): HTMLCanvasElement {
  const image = scratch.image ?? document.createElement('canvas');
  scratch.image = image;
  if (image.width < grid.columns) image.width = grid.columns;
  if (image.height < grid.rows) image.height = grid.rows;

  const context = image.getContext('2d');
  if (!context) return image;

  const pixels = context.createImageData(grid.columns, grid.rows);
  const [red, green, blue] = hexToRgb(theme.spike);
  // A lone spike must stay visible, so opacity starts at about 45% and grows with the log of the
  // count, which keeps dense stretches distinguishable from sparse ones.
  const logMax = Math.log1p(Math.max(1, grid.maxCount));
  for (let cell = 0; cell < grid.counts.length; cell++) {
    const spikes = grid.counts[cell]!;
    if (spikes === 0) continue;

    const offset = cell * 4;
    pixels.data[offset] = red;
    pixels.data[offset + 1] = green;
    pixels.data[offset + 2] = blue;
    pixels.data[offset + 3] =
      grid.maxCount <= 1
        ? 255
        : 115 + Math.round((140 * (Math.log1p(spikes) - Math.LN2)) / (logMax - Math.LN2));
  }
  context.putImageData(pixels, 0, 0);
  return image;
}

function drawPopulationBands(
  context: CanvasRenderingContext2D,
  frame: RasterFrame,
  left: number,
  top: number,
  width: number,
  height: number,
): void {
  const { view, theme } = frame;
  const yScale = height / (view.neuronEnd - view.neuronStart);

  frame.populations.forEach((population, index) => {
    const bottom = top + height - (population.offset - view.neuronStart) * yScale;
    const bandTop = top + height - (population.offset + population.size - view.neuronStart) * yScale;
    const clippedTop = Math.max(top, bandTop);
    const clippedBottom = Math.min(top + height, bottom);
    if (clippedBottom <= clippedTop) return;

    if (index % 2 === 0) {
      context.fillStyle = theme.panel2;
      context.fillRect(left, clippedTop, width, clippedBottom - clippedTop);
    }
    context.strokeStyle = theme.line;
    context.beginPath();
    context.moveTo(left, Math.round(clippedBottom) + 0.5);
    context.lineTo(left + width, Math.round(clippedBottom) + 0.5);
    context.stroke();
  });
}

function drawAxes(
  context: CanvasRenderingContext2D,
  frame: RasterFrame,
  left: number,
  top: number,
  width: number,
  height: number,
): void {
  const { view, theme, pixelRatio: ratio } = frame;
  context.font = `${11 * ratio}px system-ui, sans-serif`;
  context.fillStyle = theme.muted;
  context.strokeStyle = theme.line;
  context.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);

  context.textAlign = 'center';
  context.textBaseline = 'top';
  const xScale = width / (view.tickEnd - view.tickStart);
  for (const tick of niceTicks(view.tickStart, view.tickEnd, Math.max(2, Math.floor(width / (90 * ratio))))) {
    const x = left + (tick - view.tickStart) * xScale;
    const label = formatCompact(tick);
    const labelX = clampLabelX(x, context.measureText(label).width, context.canvas.width);
    context.fillText(label, labelX, top + height + 5 * ratio);
  }

  context.textAlign = 'right';
  context.textBaseline = 'middle';
  const yScale = height / (view.neuronEnd - view.neuronStart);
  const labelled = placeBandLabels(frame.populations, view, { top, height }, 13 * ratio);
  context.fillStyle = theme.ink;
  for (const label of labelled) context.fillText(truncate(label.name, 9), left - 6 * ratio, label.y);
  context.fillStyle = theme.muted;
  if (labelled.length === 0) {
    for (const neuron of niceTicks(
      view.neuronStart,
      view.neuronEnd,
      Math.max(2, Math.floor(height / (40 * ratio))),
    )) {
      const y = top + height - (neuron - view.neuronStart) * yScale;
      context.fillText(formatCompact(neuron), left - 6 * ratio, y);
    }
  }
}

function truncate(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}
