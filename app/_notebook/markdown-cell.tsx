'use client';

import { useEffect, useRef, useState } from 'react';
import Markdown from 'react-markdown';

export interface MarkdownCellProps {
  source: string;
  onChange: (source: string) => void;
}

/** Rendered markdown; double-click (or Enter on focus) edits it, Shift+Enter or leaving renders it. */
export function MarkdownCell({ source, onChange }: MarkdownCellProps) {
  const [editing, setEditing] = useState(source.trim() === '');
  const areaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    // The textarea grows with its text, so a cell never scrolls inside itself.
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }, [source, editing]);

  if (editing) {
    return (
      <textarea
        ref={areaRef}
        autoFocus={source.trim() !== ''}
        value={source}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => source.trim() !== '' && setEditing(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.shiftKey) {
            event.preventDefault();
            setEditing(false);
          }
        }}
        placeholder="Write notes in markdown. Shift+Enter to render."
        className="block w-full resize-none rounded-md border border-line bg-panel-2 p-2 font-mono text-sm outline-none focus:border-accent"
        aria-label="Markdown source"
      />
    );
  }

  return (
    <div
      className="prose-cell cursor-text text-sm"
      tabIndex={0}
      onDoubleClick={() => setEditing(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          setEditing(true);
        }
      }}
      title="Double-click to edit"
    >
      <Markdown>{source}</Markdown>
    </div>
  );
}
