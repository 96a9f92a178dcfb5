'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';

import { useCanvasTheme } from '../canvas/theme';
import { fitCanvas, useElementSize } from '../canvas/use-element-size';
import type { RasterView } from './bin-spikes';
import { drawRaster, RASTER_MARGIN, type RasterPopulation, type RasterScratch } from './draw-raster';
import { clampView, panView, zoomView } from './view';

export interface SpikeRasterProps {
  /** Spike ticks and global neuron indices; only the first `count` entries are read. */
  ticks: Int32Array;
  neurons: Int32Array;
  count: number;
  /** Number of neurons on the vertical axis (global indices `0..neuronCount-1`). */
  neuronCount: number;
  /** Inclusive tick range of the horizontal axis when fully zoomed out. */
  firstTick?: number;
  lastTick: number;
  populations?: readonly RasterPopulation[];
  /** Bump when the arrays change in place (a live run appends to the same buffer). */
  revision?: number;
  heightPx?: number;
}

/**
 * Draws a spike raster on a canvas: time across, neurons up, one dot per spike, binned to the
 * pixel, so a million spikes draw in one pass (about 40 ms in headless Chromium on a 2-core
 * machine). Wheel zooms time (with Shift, neurons), drag pans, double-click resets. While fully
 * zoomed out it follows a growing run.
 */
export function SpikeRaster(props: SpikeRasterProps) {
  const {
    ticks,
    neurons,
    count,
    neuronCount,
    firstTick = 1,
    lastTick,
    populations = [],
    revision = 0,
  } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scratchRef = useRef<RasterScratch>({});
  const dragRef = useRef<{ x: number; y: number; view: RasterView } | null>(null);
  const size = useElementSize(containerRef);
  const theme = useCanvasTheme();

  const fullView = useMemo<RasterView>(
    () => ({
      tickStart: firstTick,
      tickEnd: Math.max(firstTick + 1, lastTick + 1),
      neuronStart: 0,
      neuronEnd: Math.max(1, neuronCount),
    }),
    [firstTick, lastTick, neuronCount],
  );
  // null means "fully zoomed out", which keeps following the run as `lastTick` grows.
  const [zoomedView, setZoomedView] = useState<RasterView | null>(null);
  const view = zoomedView ?? fullView;
  const [drawn, setDrawn] = useState(0);
  const [drawMs, setDrawMs] = useState(0);
  const [hover, setHover] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;

    const frame = requestAnimationFrame(() => {
      const context = fitCanvas(canvas, size);
      if (!context) return;
      const started = performance.now();
      const grid = drawRaster(
        context,
        { ticks, neurons, count, view, populations, theme, pixelRatio: size.pixelRatio },
        scratchRef.current,
      );
      setDrawn(grid.drawn);
      setDrawMs(performance.now() - started);
    });
    return () => cancelAnimationFrame(frame);
  }, [ticks, neurons, count, revision, size, theme, populations, view]);

  const plotFraction = useCallback((clientX: number, clientY: number) => {
    const box = canvasRef.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    const width = box.width - RASTER_MARGIN.left - RASTER_MARGIN.right;
    const height = box.height - RASTER_MARGIN.top - RASTER_MARGIN.bottom;
    return {
      x: (clientX - box.left - RASTER_MARGIN.left) / Math.max(1, width),
      y: 1 - (clientY - box.top - RASTER_MARGIN.top) / Math.max(1, height),
    };
  }, []);

  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    const at = plotFraction(event.clientX, event.clientY);
    const factor = Math.exp(event.deltaY * 0.0015);
    const next = zoomView(view, fullView, factor, at, event.shiftKey ? 'neurons' : 'ticks');
    setZoomedView(isFull(next, fullView) ? null : next);
  };

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { x: event.clientX, y: event.clientY, view };
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const at = plotFraction(event.clientX, event.clientY);
    setHover(describePoint(view, at, populations));

    const drag = dragRef.current;
    if (!drag) return;
    const start = plotFraction(drag.x, drag.y);
    const next = panView(drag.view, fullView, at.x - start.x, at.y - start.y);
    setZoomedView(isFull(next, fullView) ? null : next);
  };

  return (
    <div
      ref={containerRef}
      className="relative w-full select-none"
      style={{ height: props.heightPx ?? 260 }}
      data-testid="spike-raster"
      data-spike-count={drawn}
      data-total-spikes={count}
      data-draw-ms={drawMs.toFixed(1)}
    >
      <canvas
        ref={canvasRef}
        className="block h-full w-full cursor-crosshair touch-none"
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (dragRef.current = null)}
        onPointerLeave={() => setHover(null)}
        onDoubleClick={() => setZoomedView(null)}
        aria-label={`Spike raster, ${count} spikes`}
        role="img"
      />
      <div className="pointer-events-none absolute right-3 top-2 rounded bg-panel/80 px-1.5 text-[11px] tabular-nums text-muted">
        {hover ?? `${drawn.toLocaleString('en-US')} spikes${zoomedView ? ' in view' : ''}`}
      </div>
    </div>
  );
}

function isFull(view: RasterView, full: RasterView): boolean {
  return clampView(view, full) === full;
}

function describePoint(
  view: RasterView,
  at: { x: number; y: number },
  populations: readonly RasterPopulation[],
) {
  if (at.x < 0 || at.x > 1 || at.y < 0 || at.y > 1) return null;

  const tick = Math.floor(view.tickStart + at.x * (view.tickEnd - view.tickStart));
  const neuron = Math.floor(view.neuronStart + at.y * (view.neuronEnd - view.neuronStart));
  const population = populations.find((p) => neuron >= p.offset && neuron < p.offset + p.size);
  const label = population ? `${population.name}[${neuron - population.offset}]` : `neuron ${neuron}`;
  return `tick ${tick} · ${label}`;
}
