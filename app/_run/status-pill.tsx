import type { RunStatus } from './messages';

const STYLES: Record<RunStatus, string> = {
  queued: 'bg-panel-2 text-muted',
  running: 'bg-accent/15 text-accent',
  succeeded: 'bg-ok/15 text-ok',
  failed: 'bg-danger/15 text-danger',
  cancelled: 'bg-warn/15 text-warn',
};

export function StatusPill({ status, testId = 'run-status' }: { status: RunStatus | null; testId?: string }) {
  const shown = status ?? 'queued';
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[shown]}`}
      data-testid={testId}
      data-status={shown}
    >
      {shown === 'running' ? <span className="size-1.5 animate-pulse rounded-full bg-current" /> : null}
      {shown}
    </span>
  );
}
