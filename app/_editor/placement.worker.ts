/**
 * Compiles specs off the main thread, so typing in the editor does not wait for the placement of
 * a large network. Each request carries an id, and the page uses only the reply to its latest.
 */
import { compile } from '@/core/compile/compile';
import type { Spec } from '@/core/spec/schema';

export interface PlacementRequest {
  id: number;
  spec: Spec;
  seed: number;
}

export type PlacementReply =
  | { id: number; ok: true; report: ReturnType<typeof compile>['placement'] }
  | { id: number; ok: false; message: string };

self.onmessage = (event: MessageEvent<PlacementRequest>) => {
  const { id, spec, seed } = event.data;
  let reply: PlacementReply;
  try {
    reply = { id, ok: true, report: compile(spec, { seed }).placement };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
