/**
 * The length of a run in ticks, worked out from the spec alone: no compile, no data loading and
 * no simulator, so a server can check a run against its limits before queueing it.
 *
 * It follows the rule `RunSession` applies. An explicit `ticks` wins, and otherwise the run lasts
 * as long as its data stream, `samples * (presentTicks + restTicks)`. The data stream is the first
 * stimulus that uses an encoder (spike lists are skipped). When that stimulus has no `data`, the
 * encoder drives the input forever, so the run needs `ticks`.
 */
import type { Spec } from '../spec/schema';

export interface RunLengthOptions {
  /** Explicit length; overrides the data stream's length. */
  ticks?: number;
}

/** Returns the data stream's length in ticks, or null when the spec has no finite data stream. */
export function streamLength(spec: Spec): number | null {
  const driver = spec.stimulus.find((stimulus) => stimulus.spikes === undefined);
  const data = driver?.data;
  if (data === undefined) return null;
  return data.samples * (data.presentTicks + data.restTicks);
}

/**
 * Returns how many ticks a run of `spec` lasts.
 *
 * @throws RangeError when `ticks` is not a positive safe integer, or when it is omitted and the
 *   spec has no data stream (or one too long to count in a safe integer).
 */
export function runLength(spec: Spec, options: RunLengthOptions = {}): number {
  const ticks = options.ticks ?? streamLength(spec);
  if (ticks === null || !Number.isSafeInteger(ticks) || ticks < 1) {
    throw new RangeError(
      `a run needs a length: set ticks to a positive integer (got ${String(ticks)}) or give the spec a data stimulus`,
    );
  }
  return ticks;
}
