'use client';

import { useEffect, useMemo, useRef, useState } from 'react';

import type { CoreAssignment } from '@/core/program';

import { sequentialColor } from '../canvas/colormap';
import { hexToRgb, useCanvasTheme } from '../canvas/theme';
import { fitCanvas, useElementSize } from '../canvas/use-element-size';

export interface CoreMapProps {
  cores: readonly CoreAssignment[];
  populationNames: readonly string[];
  /** Activity per entry of `cores` (spikes or synaptic ops per tick); absent colours by population. */
  activity?: ArrayLike<number>;
  activityLabel?: string;
}

const CELL_GAP_PX = 2;
const CHIP_GAP_PX = 10;

/**
 * Draws the chip's cores on their mesh, one square per used core, coloured by activity when given
 * and by population otherwise. Each chip is drawn as its own block, left to right.
 */
export function CoreMap(props: CoreMapProps) {
  const { cores, populationNames, activity } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(boxRef);
  const theme = useCanvasTheme();
  const [hover, setHover] = useState<number | null>(null);

  const layout = useMemo(() => meshLayout(cores), [cores]);
  const maxActivity = useMemo(() => {
    let max = 0;
    for (let i = 0; i < (activity?.length ?? 0); i++) max = Math.max(max, activity?.[i] ?? 0);
    return max;
  }, [activity]);

  // Cells are square: the width decides the cell size, the height follows.
  const cssCell = Math.max(
    6,
    Math.min(
      22,
      (size.width - CHIP_GAP_PX * (layout.chips - 1)) / Math.max(1, layout.chips * layout.columns) -
        CELL_GAP_PX,
    ),
  );
  const pitch = cssCell + CELL_GAP_PX;
  const heightPx = Math.max(24, layout.rows * pitch);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const context = fitCanvas(canvas, { ...size, height: heightPx });
    if (!context) return;

    const ratio = size.pixelRatio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, heightPx);
    cores.forEach((core, index) => {
      const [x, y] = cellOrigin(core, layout, pitch);
      context.fillStyle = cellColor(index, core, activity, maxActivity, theme.plot);
      context.fillRect(x, y, cssCell, cssCell);
      if (index === hover) {
        context.strokeStyle = theme.ink;
        context.lineWidth = 1.5;
        context.strokeRect(x + 0.75, y + 0.75, cssCell - 1.5, cssCell - 1.5);
      }
    });
  }, [cores, layout, activity, maxActivity, size, heightPx, cssCell, pitch, theme, hover]);

  const onMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const found = cores.findIndex((core) => {
      const [x, y] = cellOrigin(core, layout, pitch);
      return px >= x && px < x + cssCell && py >= y && py < y + cssCell;
    });
    setHover(found >= 0 ? found : null);
  };

  const hovered = hover === null ? undefined : cores[hover];
  return (
    <div data-testid="core-map">
      <div ref={boxRef} className="w-full" style={{ height: heightPx }}>
        <canvas
          ref={canvasRef}
          className="block w-full"
          style={{ height: heightPx }}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
          role="img"
          aria-label={`Core map, ${cores.length} cores`}
        />
      </div>
      <div className="mt-1 min-h-4 text-xs tabular-nums text-muted">
        {hovered
          ? `chip ${hovered.chip} core ${hovered.core} (${hovered.x}, ${hovered.y}) · ${populationNames[hovered.population] ?? '?'} neurons ${hovered.firstNeuron}–${hovered.firstNeuron + hovered.neuronCount - 1} · ${hovered.synapseBytes.toLocaleString('en-US')} synapse bytes · ${hovered.inputAxons} in / ${hovered.outputAxons} out axons${
              activity
                ? ` · ${props.activityLabel ?? 'activity'} ${formatActivity(activity[hover ?? 0] ?? 0)}`
                : ''
            }`
          : activity
            ? `colour: ${props.activityLabel ?? 'activity'} (max ${formatActivity(maxActivity)})`
            : 'colour: population'}
      </div>
    </div>
  );
}

interface MeshLayout {
  chips: number;
  columns: number;
  rows: number;
}

function meshLayout(cores: readonly CoreAssignment[]): MeshLayout {
  let chips = 1;
  let columns = 1;
  let rows = 1;
  for (const core of cores) {
    chips = Math.max(chips, core.chip + 1);
    columns = Math.max(columns, core.x + 1);
    rows = Math.max(rows, core.y + 1);
  }
  return { chips, columns, rows };
}

function cellOrigin(core: CoreAssignment, layout: MeshLayout, pitch: number): [number, number] {
  const chipLeft = core.chip * (layout.columns * pitch + CHIP_GAP_PX);
  return [chipLeft + core.x * pitch, core.y * pitch];
}

function cellColor(
  index: number,
  core: CoreAssignment,
  activity: ArrayLike<number> | undefined,
  maxActivity: number,
  palette: readonly string[],
): string {
  if (activity) {
    const [r, g, b] = sequentialColor(maxActivity > 0 ? (activity[index] ?? 0) / maxActivity : 0);
    return `rgb(${r} ${g} ${b})`;
  }
  const [r, g, b] = hexToRgb(palette[core.population % palette.length] ?? '#888888');
  return `rgb(${r} ${g} ${b})`;
}

function formatActivity(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}
