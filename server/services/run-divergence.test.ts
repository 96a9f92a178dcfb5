import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { ReplayTimeoutError, replayDivergence } from './divergence-replay';
import { MAX_REPLAY_TICKS } from './run-divergence';

const server = useServerFixture();

const jsonSource = (value: unknown) => ({ kind: 'spec' as const, spec: { format: 'json' as const, value } });

/**
 * One input drives one LIF neuron whose voltage decays by 1/4096 per tick (dv 1) and whose
 * current lasts one tick (du 4095). Input 0 (weight 6) spikes at tick 1, so v = 6 x 64 = 384 at
 * tick 2. The fixed model truncates each decay, so v loses exactly 1 per tick: 384 - (t - 2) at
 * tick t. The float model loses v / 4096: 384 x (4095/4096)^(t - 2). Input 1 (weight 5) spikes at
 * tick 100 and adds 5 x 64 = 320 at tick 101: fixed v = 283 + 320 = 603, not over the threshold
 * of 10 x 64 = 640, but float v = 384 x 0.9761 + 320 = 694.8 is, so only the float replay spikes.
 */
const DECAYING = {
  apiVersion: 'livenet/v1',
  name: 'decaying',
  chip: { profile: 'loihi2-like', mode: 'fixed' },
  dtMs: 1,
  populations: [
    { name: 'in', size: 2, kind: 'input' },
    {
      name: 'out',
      size: 1,
      neuron: {
        model: 'lif',
        registers: { du: 4095, dv: 1, vth: 10, biasMant: 0, biasExp: 0, refractory: 0 },
      },
    },
  ],
  projections: [
    {
      name: 'in-out',
      from: 'in',
      to: 'out',
      connectivity: { kind: 'dense' },
      weights: { values: [[6], [5]] },
      wExp: 0,
      delay: 0,
    },
  ],
  stimulus: [
    {
      population: 'in',
      spikes: [
        [1, 0],
        [100, 1],
      ],
    },
  ],
  record: { spikes: ['out'] },
};

describe('run divergence', () => {
  it('float replay spikes first at tick 101', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 150 });

    const result = await api.runs.divergence({ runId: run.id });

    expect(result.runMode).toBe('fixed');
    expect(result.otherMode).toBe('float');
    expect(result.ticksCompared).toBe(150);
    expect(result.divergence).toEqual({ tick: 101, population: 'out', neuron: 0, spikedInRunMode: false });
  });

  it('run mode overrides the spec mode', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 150, mode: 'float' });

    const result = await api.runs.divergence({ runId: run.id });

    expect(result.runMode).toBe('float');
    expect(result.otherMode).toBe('fixed');
    expect(result.divergence).toEqual({ tick: 101, population: 'out', neuron: 0, spikedInRunMode: true });
  });

  it('modes agree before the second input', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 100 });

    const result = await api.runs.divergence({ runId: run.id });

    expect(result.ticksCompared).toBe(100);
    expect(result.divergence).toBeNull();
  });

  it('long run is capped', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 5_000 });

    const result = await api.runs.divergence({ runId: run.id });

    expect(result.ticksCompared).toBe(MAX_REPLAY_TICKS);
    expect(MAX_REPLAY_TICKS).toBe(2_000);
  });

  it('other user gets not found', async () => {
    const owner = await server.createUser();
    const run = await server
      .caller(owner.id)
      .runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 10 });

    await expect(
      server.caller((await server.createUser()).id).runs.divergence({ runId: run.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('second replay at once is rejected', async () => {
    const user = await server.createUser();
    const api = server.caller(user.id);
    const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 150 });

    const outcomes = await Promise.allSettled([
      api.runs.divergence({ runId: run.id }),
      api.runs.divergence({ runId: run.id }),
    ]);

    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason: unknown = rejected[0]?.reason;
    expect(reason).toBeInstanceOf(TRPCError);
    expect((reason as TRPCError).code).toBe('TOO_MANY_REQUESTS');
    expect((reason as TRPCError).message).toMatch(/already running/);
    // The slot is free again once the first replay has finished.
    expect((await api.runs.divergence({ runId: run.id })).divergence?.tick).toBe(101);
  });

  it('other users replay at once', async () => {
    const calls = await Promise.all(
      [1, 2].map(async () => {
        const api = server.caller((await server.createUser()).id);
        const run = await api.runs.create({ source: jsonSource(DECAYING), seed: 1, ticks: 150 });
        return api.runs.divergence({ runId: run.id });
      }),
    );

    expect(calls.map((result) => result.divergence?.tick)).toEqual([101, 101]);
  });

  it('replay past its limit times out', async () => {
    // Booting the thread alone takes far longer than 1 ms, so the limit always passes first.
    const replay = replayDivergence({ spec: DECAYING, mode: 'fixed', seed: 1, ticks: 150 }, 1);

    await expect(replay).rejects.toBeInstanceOf(ReplayTimeoutError);
    await expect(replay).rejects.toThrow('divergence replay timed out after 1 ms');
  });
});
