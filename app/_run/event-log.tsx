import type { RunEventRow } from './feed';

/** Lists the run's events (rollbacks, rejected updates, injections, warnings), newest first. */
export function EventLog({ events, limit = 50 }: { events: readonly RunEventRow[]; limit?: number }) {
  if (events.length === 0) return <p className="text-xs text-muted">No events yet.</p>;

  const newest = events.slice(-limit).reverse();
  return (
    <ul className="max-h-64 space-y-1 overflow-y-auto text-xs" data-testid="event-log">
      {newest.map((event) => (
        <li key={event.seq} className="flex gap-2 font-mono">
          <span className="w-16 shrink-0 text-right tabular-nums text-muted">{event.tick}</span>
          <span
            className={
              event.kind.includes('reject') || event.kind.includes('rollback') ? 'text-warn' : 'text-ink'
            }
          >
            {event.kind}
          </span>
          <span className="truncate text-muted">{describeData(event.data)}</span>
        </li>
      ))}
    </ul>
  );
}

function describeData(data: unknown): string {
  if (data === null || data === undefined) return '';
  const text = JSON.stringify(data);
  return text === '{}' ? '' : text;
}
