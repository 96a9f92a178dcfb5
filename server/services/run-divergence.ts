/**
 * Replays a run's network in the other numeric mode beside its own and finds the first tick at
 * which their spikes differ. The replay runs in a worker thread of its own (`divergence-replay.ts`)
 * so it does not block other requests. It is capped at `MAX_REPLAY_TICKS` and
 * `REPLAY_TIMEOUT_MS`, each user may have one replay running at a time, and it starts from the
 * spec and seed alone.
 *
 * NOTE: rewards and spikes injected into the run while it ran are not part of the replay, so a
 * run that received injections is compared as if it had none.
 */
import type { Db } from '../db/client';
import { LimitExceededError } from '../errors';
import type { Divergence, NumericMode } from './core-api';
import { replayDivergence } from './divergence-replay';
import { getRun } from './runs';

/** Ticks replayed at most; both modes together take about a second for the MNIST template (estimate). */
export const MAX_REPLAY_TICKS = 2_000;

/** Wall-time limit of one replay, thread boot included; a replay past it is ended. */
export const REPLAY_TIMEOUT_MS = 30_000;

/** Users with a replay running. NOTE: counted per server process, not across processes. */
const replayingUsers = new Set<string>();

export interface RunDivergence {
  runMode: NumericMode;
  otherMode: NumericMode;
  /** Ticks compared: the run's length, or `MAX_REPLAY_TICKS` when that is shorter. */
  ticksCompared: number;
  /** The first differing spike, or null when the modes agree over every compared tick. */
  divergence: Divergence | null;
}

export async function findRunDivergence(db: Db, userId: string, runId: string): Promise<RunDivergence> {
  // Checked and taken before the first await, so two calls at once cannot both pass.
  if (replayingUsers.has(userId)) {
    throw new LimitExceededError(
      'divergence replays at once',
      1,
      'A divergence replay of yours is already running; wait for it to finish, then retry.',
    );
  }
  replayingUsers.add(userId);

  try {
    const run = await getRun(db, userId, runId);
    const runMode = run.mode;
    const ticksCompared = Math.min(run.totalTicks, MAX_REPLAY_TICKS);
    const divergence = await replayDivergence(
      { spec: run.spec, mode: runMode, seed: run.seed, ticks: ticksCompared },
      REPLAY_TIMEOUT_MS,
    );
    return { runMode, otherMode: runMode === 'fixed' ? 'float' : 'fixed', ticksCompared, divergence };
  } finally {
    replayingUsers.delete(userId);
  }
}
