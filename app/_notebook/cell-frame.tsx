'use client';

import type { ReactNode } from 'react';

import type { CellType } from './cells';

const LABELS: Record<CellType, string> = { markdown: 'Text', spec: 'Network', run: 'Run' };

export interface CellFrameProps {
  type: CellType;
  index: number;
  children: ReactNode;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onDelete: () => void;
  onAdd: (type: CellType) => void;
  /** Changes a text cell to a network cell or back. Run cells get no such control. */
  onChangeType?: () => void;
}

/** Frames a cell with its kind, a toolbar to change, move or delete it, and "add a cell below". */
export function CellFrame(props: CellFrameProps) {
  return (
    <div className="group" data-testid={`cell-${props.type}`} data-cell-index={props.index}>
      <div className="relative rounded-lg border border-line bg-panel p-3 focus-within:border-accent/60">
        <div className="mb-2 flex items-center gap-2 text-[11px] font-medium uppercase tracking-wide text-muted">
          <span>{LABELS[props.type]}</span>
          <div className="ml-auto flex items-center gap-1 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
            {props.onChangeType ? <ChangeTypeButton type={props.type} onClick={props.onChangeType} /> : null}
            <ToolButton label="Move up" onClick={props.onMoveUp}>
              ↑
            </ToolButton>
            <ToolButton label="Move down" onClick={props.onMoveDown}>
              ↓
            </ToolButton>
            <ToolButton label="Delete cell" onClick={props.onDelete}>
              ✕
            </ToolButton>
          </div>
        </div>
        {props.children}
      </div>
      <AddCellBar onAdd={props.onAdd} />
    </div>
  );
}

function ChangeTypeButton({ type, onClick }: { type: CellType; onClick: () => void }) {
  const target = type === 'markdown' ? 'network' : 'text';
  return (
    <button
      type="button"
      aria-label={`Change to ${target} cell`}
      title={`Change to a ${target} cell, keeping its text`}
      onClick={onClick}
      className="flex h-6 items-center rounded px-1.5 text-[11px] hover:bg-panel-2 hover:text-ink"
      data-testid="change-cell-type"
    >
      ⇄ {target}
    </button>
  );
}

function ToolButton(props: { label: string; onClick?: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-label={props.label}
      title={props.label}
      disabled={!props.onClick}
      onClick={props.onClick}
      className="flex size-6 items-center justify-center rounded text-sm normal-case hover:bg-panel-2 hover:text-ink disabled:opacity-30"
    >
      {props.children}
    </button>
  );
}

/** Renders the thin row between cells that adds a cell of any of the three kinds. */
export function AddCellBar({
  onAdd,
  alwaysVisible = false,
}: {
  onAdd: (type: CellType) => void;
  alwaysVisible?: boolean;
}) {
  return (
    <div
      className={`flex items-center justify-center gap-2 py-1.5 text-xs transition-opacity ${alwaysVisible ? '' : 'opacity-0 group-hover:opacity-100 focus-within:opacity-100'}`}
    >
      <span className="text-muted">add</span>
      {(['markdown', 'spec', 'run'] as const).map((type) => (
        <button
          key={type}
          type="button"
          onClick={() => onAdd(type)}
          className="rounded-full border border-line bg-panel px-2.5 py-0.5 text-muted hover:border-accent hover:text-ink"
          data-testid={`add-${type}`}
        >
          + {LABELS[type].toLowerCase()}
        </button>
      ))}
    </div>
  );
}
