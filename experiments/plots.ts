/**
 * Small PNG pictures for the results page, drawn pixel by pixel with `pngjs`: line charts with
 * a grid and numeric tick labels (a 3 x 5 bitmap font of digits and '%'), and tiles of 28 x 28
 * receptive fields. Titles, axis names and legends go in the page's caption, not the picture.
 */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export interface Series {
  points: readonly (readonly [number, number])[];
  color: Rgb;
}

export interface LineChartOptions {
  xMax: number;
  yMin: number;
  yMax: number;
  /** Grid and label spacing on each axis, in data units. */
  xStep: number;
  yStep: number;
  /** Printed after each y label (for example '%' with y in percent). */
  ySuffix?: string;
  width?: number;
  height?: number;
}

// Each glyph is 5 rows of 3 bits, top row first.
const GLYPHS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  '%': [5, 1, 2, 4, 5],
  '.': [0, 0, 0, 0, 2],
  k: [4, 5, 6, 5, 5],
};

class Canvas {
  readonly png: PNG;

  constructor(width: number, height: number) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255);
  }

  set(x: number, y: number, color: Rgb): void {
    const { width, height, data } = this.png;
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= width || py >= height) return;
    const k = (py * width + px) * 4;
    data[k] = color[0];
    data[k + 1] = color[1];
    data[k + 2] = color[2];
    data[k + 3] = 255;
  }

  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      for (let d = 0; d < thickness; d++) {
        this.set(x, y + d, color);
        this.set(x + d, y, color);
      }
    }
  }

  /** Writes `text` with its top-left corner at (x, y), each font pixel `scale` pixels wide. */
  text(x: number, y: number, text: string, color: Rgb, scale = 2): void {
    [...text].forEach((char, n) => {
      const glyph = GLYPHS[char];
      if (glyph === undefined) return;
      glyph.forEach((bits, row) => {
        for (let column = 0; column < 3; column++) {
          if ((bits & (4 >> column)) === 0) continue;
          for (let dy = 0; dy < scale; dy++) {
            for (let dx = 0; dx < scale; dx++) {
              this.set(x + (n * 4 + column) * scale + dx, y + row * scale + dy, color);
            }
          }
        }
      });
    });
  }
}

function formatTick(value: number): string {
  if (value >= 1000 && value % 1000 === 0) return `${value / 1000}k`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Draws the series on a grid and returns the PNG bytes. */
export function lineChart(series: readonly Series[], options: LineChartOptions): Buffer {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const left = 56;
  const bottom = 28;
  const top = 12;
  const right = 16;
  const canvas = new Canvas(width, height);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const toX = (x: number) => left + (x / options.xMax) * plotW;
  const toY = (y: number) => top + (1 - (y - options.yMin) / (options.yMax - options.yMin)) * plotH;
  const grid: Rgb = [225, 225, 225];
  const ink: Rgb = [60, 60, 60];

  for (let y = options.yMin; y <= options.yMax + 1e-9; y += options.yStep) {
    canvas.line(left, toY(y), width - right, toY(y), grid);
    canvas.text(4, toY(y) - 5, `${formatTick(y)}${options.ySuffix ?? ''}`, ink);
  }
  for (let x = 0; x <= options.xMax + 1e-9; x += options.xStep) {
    canvas.line(toX(x), top, toX(x), height - bottom, grid);
    canvas.text(toX(x) - 8, height - bottom + 8, formatTick(x), ink);
  }
  canvas.line(left, top, left, height - bottom, ink);
  canvas.line(left, height - bottom, width - right, height - bottom, ink);

  for (const { points, color } of series) {
    for (let k = 1; k < points.length; k++) {
      const [x0, y0] = points[k - 1]!;
      const [x1, y1] = points[k]!;
      canvas.line(toX(x0), toY(y0), toX(x1), toY(y1), color, 2);
    }
  }
  return PNG.sync.write(canvas.png);
}

/**
 * Draws each column of `weights` (`[input][neuron]`, 784 inputs) as a 28 x 28 grey tile, black
 * for the neuron's largest weight, white for zero, `columns` tiles a row.
 */
export function receptiveFields(weights: readonly (readonly number[])[], columns: number, scale = 2): Buffer {
  const neurons = weights[0]?.length ?? 0;
  const rows = Math.ceil(neurons / columns);
  const tile = 28 * scale + 2;
  const canvas = new Canvas(columns * tile + 2, rows * tile + 2);
  for (let n = 0; n < neurons; n++) {
    let largest = 0;
    for (let pixel = 0; pixel < 784; pixel++) largest = Math.max(largest, weights[pixel]![n]!);
    const originX = 2 + (n % columns) * tile;
    const originY = 2 + Math.floor(n / columns) * tile;
    for (let pixel = 0; pixel < 784; pixel++) {
      const level = largest > 0 ? Math.max(0, weights[pixel]![n]!) / largest : 0;
      const grey = Math.round(255 * (1 - level));
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          canvas.set(originX + (pixel % 28) * scale + dx, originY + Math.floor(pixel / 28) * scale + dy, [
            grey,
            grey,
            grey,
          ]);
        }
      }
    }
  }
  return PNG.sync.write(canvas.png);
}
