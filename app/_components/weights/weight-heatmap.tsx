'use client';

import { useEffect, useMemo, useRef, useState } from 'react';

import { binMatrix, valueRange } from '../canvas/bin-matrix';
import { scaleGradientCss, valueColorScale } from '../canvas/colormap';
import { useCanvasTheme } from '../canvas/theme';
import { fitCanvas, useElementSize } from '../canvas/use-element-size';

export interface WeightHeatmapProps {
  /** Row-major `[from][to]` weights: `weights[i * toSize + j]` connects pre `i` to post `j`. */
  weights: ArrayLike<number>;
  fromSize: number;
  toSize: number;
  fromLabel: string;
  toLabel: string;
  /** Colour scale limits; by default the data's own range. */
  range?: [number, number];
  heightPx?: number;
  title?: string;
}

/**
 * Draws a projection's weights as a heat map, presynaptic neurons down and postsynaptic across.
 * A matrix larger than the canvas is averaged in blocks, one block per device pixel.
 */
export function WeightHeatmap(props: WeightHeatmapProps) {
  const { weights, fromSize, toSize, heightPx = 240 } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(boxRef);
  const theme = useCanvasTheme();
  const [hover, setHover] = useState<string | null>(null);

  const [min, max] = useMemo(() => props.range ?? valueRange(weights), [props.range, weights]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const context = fitCanvas(canvas, size);
    if (!context) return;

    const binned = binMatrix(weights, fromSize, toSize, canvas.height, canvas.width);
    const color = valueColorScale(min, max, theme);
    const pixels = new ImageData(binned.columns, binned.rows);
    for (let cell = 0; cell < binned.values.length; cell++) {
      const [r, g, b] = color(binned.values[cell]!);
      pixels.data.set([r, g, b, 255], cell * 4);
    }

    const image = document.createElement('canvas');
    image.width = binned.columns;
    image.height = binned.rows;
    image.getContext('2d')?.putImageData(pixels, 0, 0);
    context.imageSmoothingEnabled = false;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
  }, [weights, fromSize, toSize, min, max, size, theme]);

  const onMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const post = Math.floor(((event.clientX - box.left) / box.width) * toSize);
    const pre = Math.floor(((event.clientY - box.top) / box.height) * fromSize);
    if (pre < 0 || pre >= fromSize || post < 0 || post >= toSize) return setHover(null);
    const value = weights[pre * toSize + post] ?? NaN;
    setHover(`${props.fromLabel}[${pre}] → ${props.toLabel}[${post}]: ${formatWeight(value)}`);
  };

  return (
    <figure className="min-w-0 rounded-lg border border-line bg-panel p-3" data-testid="weight-heatmap">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{props.title ?? `Weights ${props.fromLabel} → ${props.toLabel}`}</span>
        <span className="text-xs tabular-nums text-muted">{hover ?? `${fromSize} × ${toSize}`}</span>
      </figcaption>
      <div className="flex gap-2">
        <div className="flex w-4 items-center justify-center text-[10px] text-muted [writing-mode:vertical-rl]">
          {props.fromLabel} (pre)
        </div>
        <div className="min-w-0 flex-1">
          <div ref={boxRef} style={{ height: heightPx }}>
            <canvas
              ref={canvasRef}
              className="block h-full w-full rounded-sm"
              onPointerMove={onMove}
              onPointerLeave={() => setHover(null)}
              role="img"
              aria-label={`Weights from ${props.fromLabel} to ${props.toLabel}`}
            />
          </div>
          <div className="mt-1 text-center text-[10px] text-muted">{props.toLabel} (post)</div>
          <ScaleLegend min={min} max={max} gradient={scaleGradientCss(min, max, theme)} />
        </div>
      </div>
    </figure>
  );
}

export function ScaleLegend(props: { min: number; max: number; gradient: string }) {
  return (
    <div className="mt-1 flex items-center gap-2 text-[10px] tabular-nums text-muted">
      <span>{formatWeight(props.min)}</span>
      <div className="h-2 flex-1 rounded-sm" style={{ background: props.gradient }} />
      <span>{formatWeight(props.max)}</span>
    </div>
  );
}

export function formatWeight(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
