/**
 * Rewards and stimuli that a user sends into a live run. Each is stored as a RunEvent with no
 * `appliedTick`. The worker applies pending ones in seq order at its next chunk boundary and
 * records that tick, so a resumed run can apply them again at the same tick.
 */
import type { ServerDeps } from '../deps';
import { ConflictError, InvalidError, NotFoundError } from '../errors';
import type { Spec } from './core-api';
import { appendRunEvents } from './run-events';
import { notifyRunChanged } from './run-notifier';

export const INJECT_REWARD = 'inject.reward';
export const INJECT_STIMULUS = 'inject.stimulus';

/** Spikes to inject: `[tickOffset, neuron]`, the offset counted from the tick the worker applies them at. */
export type StimulusSpikes = [number, number][];

async function loadLiveRun(deps: ServerDeps, userId: string, runId: string) {
  const run = await deps.db.run.findFirst({
    where: { id: runId, ownerId: userId },
    select: { status: true, ticksDone: true, spec: true },
  });
  if (!run) throw new NotFoundError('run', runId);
  if (run.status !== 'queued' && run.status !== 'running') {
    throw new ConflictError(
      `run ${runId} has already ${run.status}; injections reach only queued or running runs`,
    );
  }
  return run;
}

async function recordInjection(
  deps: ServerDeps,
  runId: string,
  tick: number,
  kind: string,
  data: { value: number } | { population: string; spikes: StimulusSpikes },
) {
  const seq = await deps.db.$transaction((tx) => appendRunEvents(tx, runId, [{ tick, kind, data }]));
  await notifyRunChanged(deps.db, runId);
  return { seq, kind, requestedAtTick: tick };
}

export async function injectReward(deps: ServerDeps, userId: string, runId: string, value: number) {
  const run = await loadLiveRun(deps, userId, runId);
  return recordInjection(deps, runId, run.ticksDone, INJECT_REWARD, { value });
}

export async function injectStimulus(
  deps: ServerDeps,
  userId: string,
  runId: string,
  input: { population: string; spikes: StimulusSpikes },
) {
  const run = await loadLiveRun(deps, userId, runId);

  // The stored spec passed parseSpec when the run was created.
  const populations = (run.spec as unknown as Spec).populations;
  const index = populations.findIndex((population) => population.name === input.population);
  const target = populations[index];
  if (!target) {
    throw new InvalidError(`population "${input.population}" does not exist in this run's spec`, [
      {
        path: 'population',
        message: `must be one of: ${populations.map((p) => p.name).join(', ')}`,
        value: input.population,
      },
    ]);
  }
  if (target.kind !== 'input') {
    throw new InvalidError(`population "${input.population}" is not an input population`, [
      {
        path: 'population',
        message: 'spikes can be injected only into input populations',
        value: input.population,
      },
    ]);
  }
  input.spikes.forEach(([, neuron], spikeIndex) => {
    if (neuron >= target.size) {
      throw new InvalidError(
        `neuron ${neuron} is outside population "${input.population}" (0..${target.size - 1})`,
        [{ path: `spikes[${spikeIndex}][1]`, message: `must be below ${target.size}`, value: neuron }],
      );
    }
  });

  return recordInjection(deps, runId, run.ticksDone, INJECT_STIMULUS, input);
}
