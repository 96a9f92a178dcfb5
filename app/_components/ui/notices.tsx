'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long an info or success notice stays, in ms. Six seconds leaves time to read a short
 * sentence and reach its action (Undo) with the keyboard. The timer pauses while the pointer or
 * the focus is on the notice. Error notices have no timeout, because they ask the user to act.
 */
export const NOTICE_TIMEOUT_MS = 6000;

export type NoticeTone = 'info' | 'success' | 'error';

export interface Notice {
  /** Showing a notice with the id of one on screen replaces it. */
  id: string;
  tone: NoticeTone;
  message: string;
  action?: { label: string; run: () => void };
  testId?: string;
}

/** Holds the notices on screen: `show` adds or replaces one by id, `dismiss` removes one. */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);

  const show = useCallback((notice: Notice) => {
    setNotices((previous) => [...previous.filter((other) => other.id !== notice.id), notice]);
  }, []);
  const dismiss = useCallback((id: string) => {
    setNotices((previous) => previous.filter((notice) => notice.id !== id));
  }, []);

  return { notices, show, dismiss };
}

/**
 * Renders the notices at the bottom of the page. From the `xl` width up they sit on the left,
 * because network cells show their placement panel in the right column there; below it they sit
 * on the right. The region stays in the page while empty, so
 * screen readers already watch it when a notice arrives: info and success notices are
 * `role="status"` (read when the reader is idle), errors `role="alert"` (read at once).
 *
 * NOTE: a notice still covers whatever lies under its corner until it times out, on the left
 * the start of the editor's lines.
 */
export function NoticeRegion({
  notices,
  onDismiss,
}: {
  notices: readonly Notice[];
  onDismiss: (id: string) => void;
}) {
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed right-4 bottom-4 z-50 xl:right-auto xl:left-4 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} onDismiss={() => onDismiss(notice.id)} />
      ))}
    </section>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const [paused, setPaused] = useState(false);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  const error = notice.tone === 'error';

  // Replacing a notice (same id, new object) starts its timer again.
  useEffect(() => {
    if (error || paused) return;
    const timer = window.setTimeout(() => dismissRef.current(), NOTICE_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [error, paused, notice]);

  return (
    <div
      role={error ? 'alert' : 'status'}
      data-testid={notice.testId}
      data-tone={notice.tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={`pointer-events-auto flex items-start gap-2 rounded-md border bg-panel px-3 py-2 text-sm shadow-md ${error ? 'border-danger/60 text-danger' : 'border-line text-ink'}`}
    >
      <span className="min-w-0 flex-1 break-words">{notice.message}</span>
      {notice.action ? (
        <button type="button" className="text-accent underline" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss notice"
        title="Dismiss"
        onClick={onDismiss}
        className="flex size-5 shrink-0 items-center justify-center rounded text-muted hover:bg-panel-2 hover:text-ink"
      >
        ✕
      </button>
    </div>
  );
}
