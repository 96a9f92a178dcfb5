/**
 * tRPC's server-side caller yields a subscription's `tracked(id, data)` items as the raw envelope
 * (a tuple), while its types describe `{ id, data }`, the shape HTTP clients receive. This reads
 * either shape.
 */
import { isTrackedEnvelope } from '@trpc/server';

export function readTracked<T>(item: { id: string; data: T }): { id: string; data: T } {
  const raw: unknown = item;
  if (isTrackedEnvelope(raw)) return { id: raw[0], data: raw[1] as T };
  return item;
}
