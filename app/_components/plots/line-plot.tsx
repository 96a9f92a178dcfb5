'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';

import { formatCompact } from '../canvas/axis';
import { useCanvasTheme, type CanvasTheme } from '../canvas/theme';
import { useElementSize } from '../canvas/use-element-size';

export interface LineSeries {
  label: string;
  values: ArrayLike<number | null>;
  /** Index into the theme's four plot colours; defaults to the series' position. */
  colorIndex?: number;
  /** Draws the series as steps, for values that hold until the next sample. */
  stepped?: boolean;
}

export interface LinePlotProps {
  title: string;
  /** A note beside the title, such as "estimate · cost table loihi2-like". */
  badge?: ReactNode;
  xLabel: string;
  yLabel: string;
  x: ArrayLike<number>;
  series: readonly LineSeries[];
  heightPx?: number;
  /** Fixed y range; by default it follows the data. */
  yRange?: [number, number];
  /** Shown instead of the plot while there are no points yet. */
  emptyText?: string;
  testId?: string;
}

/** Draws a time series with uPlot, resized with its box and recoloured with the system theme. */
export function LinePlot(props: LinePlotProps) {
  const { title, badge, x, series, heightPx = 180, emptyText = 'No data yet' } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const size = useElementSize(boxRef);
  const theme = useCanvasTheme();
  const seriesKey = series.map((s) => `${s.label}:${s.colorIndex ?? ''}:${s.stepped ? 1 : 0}`).join('|');
  const hasPoints = x.length > 0;

  // The plot is rebuilt only when its shape changes; new points go through setData below.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || size.width === 0 || !hasPoints) return;

    const plot = new uPlot(buildOptions(props, theme, size.width, heightPx), toAligned(x, series), box);
    plotRef.current = plot;
    return () => {
      plot.destroy();
      plotRef.current = null;
    };
    // Rebuilding on every new point would drop zoom and hover state, so data is left out here.
  }, [
    seriesKey,
    theme,
    heightPx,
    hasPoints,
    props.yRange?.[0],
    props.yRange?.[1],
    props.xLabel,
    props.yLabel,
  ]);

  useEffect(() => {
    plotRef.current?.setData(toAligned(x, series));
  }, [x, series]);

  useEffect(() => {
    if (size.width > 0) plotRef.current?.setSize({ width: size.width, height: heightPx });
  }, [size.width, heightPx]);

  return (
    <figure className="min-w-0 rounded-lg border border-line bg-panel p-3" data-testid={props.testId}>
      <figcaption className="mb-1 flex items-baseline gap-2 text-sm">
        <span className="font-medium">{title}</span>
        {badge ? <span className="text-xs text-muted">{badge}</span> : null}
      </figcaption>
      <div ref={boxRef} className="w-full" style={{ minHeight: heightPx }}>
        {hasPoints ? null : (
          <div className="flex items-center justify-center text-sm text-muted" style={{ height: heightPx }}>
            {emptyText}
          </div>
        )}
      </div>
    </figure>
  );
}

function toAligned(x: ArrayLike<number>, series: readonly LineSeries[]): AlignedData {
  return [Array.from(x), ...series.map((s) => Array.from(s.values))] as AlignedData;
}

function buildOptions(props: LinePlotProps, theme: CanvasTheme, width: number, height: number): Options {
  const axis = {
    stroke: theme.muted,
    grid: { stroke: theme.line, width: 1 },
    ticks: { stroke: theme.line, width: 1 },
    font: '11px system-ui, sans-serif',
    labelFont: '11px system-ui, sans-serif',
  };

  return {
    width,
    height,
    legend: { show: props.series.length > 1 },
    cursor: { drag: { x: true, y: false } },
    scales: {
      x: { time: false },
      y: props.yRange ? { range: props.yRange } : {},
    },
    axes: [
      { ...axis, label: props.xLabel, values: (_plot, marks) => marks.map(formatCompact) },
      { ...axis, label: props.yLabel, size: 56, values: (_plot, marks) => marks.map(formatCompact) },
    ],
    series: [
      { label: props.xLabel },
      ...props.series.map((s, index) => ({
        label: s.label,
        stroke: theme.plot[(s.colorIndex ?? index) % theme.plot.length],
        width: 1.5,
        spanGaps: true,
        ...(s.stepped ? { paths: uPlot.paths.stepped?.({ align: 1 }) } : {}),
      })),
    ],
  };
}
