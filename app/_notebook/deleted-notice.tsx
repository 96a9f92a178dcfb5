'use client';

/** Shows "Cell deleted · Undo" beside the save state while undo would bring the cell back. */
export function DeletedNotice({ onUndo }: { onUndo: () => void }) {
  return (
    <span className="flex items-center gap-1 text-xs text-muted" data-testid="cell-deleted" role="status">
      Cell deleted ·
      <button type="button" className="text-accent underline" onClick={onUndo}>
        Undo
      </button>
    </span>
  );
}
