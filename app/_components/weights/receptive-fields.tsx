'use client';

import { useEffect, useMemo, useRef } from 'react';

import { valueRange } from '../canvas/bin-matrix';
import { scaleGradientCss, valueColorScale } from '../canvas/colormap';
import { useCanvasTheme } from '../canvas/theme';
import { fitCanvas, useElementSize } from '../canvas/use-element-size';
import { ScaleLegend } from './weight-heatmap';

/** Side of an MNIST image; a projection from 28 x 28 = 784 inputs is drawn as images. */
export const IMAGE_SIDE = 28;
const GAP_PX = 2;

export interface ReceptiveFieldGridProps {
  /** Row-major `[from][to]` weights with `from = 784` pixels in row-major image order. */
  weights: ArrayLike<number>;
  toSize: number;
  toLabel: string;
  /** At most this many postsynaptic neurons are shown, the first ones. */
  maxFields?: number;
  range?: [number, number];
}

/**
 * Draws the incoming weights of each postsynaptic neuron as a 28 x 28 image: what each neuron of
 * a digit classifier has learned to look for.
 */
export function ReceptiveFieldGrid(props: ReceptiveFieldGridProps) {
  const { weights, toSize, maxFields = 100 } = props;
  const fields = Math.min(toSize, maxFields);
  const gridColumns = Math.max(1, Math.ceil(Math.sqrt(fields)));
  const gridRows = Math.max(1, Math.ceil(fields / gridColumns));
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(boxRef);
  const theme = useCanvasTheme();
  const [min, max] = useMemo(() => props.range ?? valueRange(weights), [props.range, weights]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const context = fitCanvas(canvas, size);
    if (!context) return;

    const color = valueColorScale(min, max, theme);
    const tile = new ImageData(IMAGE_SIDE, IMAGE_SIDE);
    const tileCanvas = document.createElement('canvas');
    tileCanvas.width = IMAGE_SIDE;
    tileCanvas.height = IMAGE_SIDE;
    const tileContext = tileCanvas.getContext('2d');
    if (!tileContext) return;

    const gap = GAP_PX * size.pixelRatio;
    const tileSide = (canvas.width - gap * (gridColumns - 1)) / gridColumns;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = false;

    for (let field = 0; field < fields; field++) {
      for (let pixel = 0; pixel < IMAGE_SIDE * IMAGE_SIDE; pixel++) {
        const [r, g, b] = color(weights[pixel * toSize + field] ?? 0);
        tile.data.set([r, g, b, 255], pixel * 4);
      }
      tileContext.putImageData(tile, 0, 0);

      const x = (field % gridColumns) * (tileSide + gap);
      const y = Math.floor(field / gridColumns) * (tileSide + gap);
      context.drawImage(tileCanvas, x, y, tileSide, tileSide);
    }
  }, [weights, toSize, fields, gridColumns, min, max, size, theme]);

  return (
    <figure className="min-w-0 rounded-lg border border-line bg-panel p-3" data-testid="receptive-fields">
      <figcaption className="mb-2 flex items-baseline justify-between text-sm">
        <span className="font-medium">Receptive fields of {props.toLabel}</span>
        <span className="text-xs text-muted">
          {fields < toSize ? `first ${fields} of ${toSize}` : `${toSize} neurons`}, 28 × 28 inputs
        </span>
      </figcaption>
      <div ref={boxRef} className="w-full" style={{ aspectRatio: `${gridColumns} / ${gridRows}` }}>
        <canvas ref={canvasRef} className="block h-full w-full" role="img" aria-label="Receptive fields" />
      </div>
      <ScaleLegend min={min} max={max} gradient={scaleGradientCss(min, max, theme)} />
    </figure>
  );
}
