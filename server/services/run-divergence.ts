/**
 * Replays a run's network in the other numeric mode beside its own and finds the first tick at
 * which their spikes differ. The replay runs in the request, so it is capped at
 * `MAX_REPLAY_TICKS`, and it starts from the spec and seed alone.
 *
 * NOTE: rewards and spikes injected into the run while it ran are not part of the replay, so a
 * run that received injections is compared as if it had none.
 */
import type { Db } from '../db/client';
import { findFirstDivergence, parseSpec, type Divergence, type NumericMode } from './core-api';
import { getRun } from './runs';

/** Ticks replayed at most; both modes together take about a second for the MNIST template (estimate). */
export const MAX_REPLAY_TICKS = 2_000;

export interface RunDivergence {
  runMode: NumericMode;
  otherMode: NumericMode;
  /** Ticks compared: the run's length, or `MAX_REPLAY_TICKS` when that is shorter. */
  ticksCompared: number;
  /** The first differing spike, or null when the modes agree over every compared tick. */
  divergence: Divergence | null;
}

export async function findRunDivergence(db: Db, userId: string, runId: string): Promise<RunDivergence> {
  const run = await getRun(db, userId, runId);
  const spec = parseSpec(run.spec);
  const runMode = run.mode;
  const ticksCompared = Math.min(run.totalTicks, MAX_REPLAY_TICKS);

  // The run may override the spec's mode, and the replay takes its own mode from the spec.
  const divergence = findFirstDivergence(
    { ...spec, chip: { ...spec.chip, mode: runMode } },
    { seed: run.seed, ticks: ticksCompared },
  );
  return { runMode, otherMode: runMode === 'fixed' ? 'float' : 'fixed', ticksCompared, divergence };
}
