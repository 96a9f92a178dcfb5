/**
 * No user reaches another user's runs, snapshots, share links or API keys. Every procedure that
 * takes an id returns NOT_FOUND to a stranger, the same as for an id that does not exist, and
 * the owner's data is unchanged afterwards.
 */
import { createHash } from 'node:crypto';

import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';

import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';
import { snapshotBlobKey } from '../services/snapshots';

const server = useServerFixture();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

let ownerId: string;
let strangerId: string;
let runId: string;
let snapshotId: string;
let shareLinkId: string;
let apiKeyId: string;

beforeAll(async () => {
  ownerId = (await server.createUser('Owner')).id;
  strangerId = (await server.createUser('Stranger')).id;
  const owner = server.caller(ownerId);

  runId = (
    await owner.runs.create({
      source: { kind: 'spec', spec: { format: 'json', value: TINY_SPEC } },
      seed: 1,
      ticks: 20,
    })
  ).id;

  const bytes = new Uint8Array([1, 2, 3]);
  const blobKey = snapshotBlobKey(runId, 10, 'checkpoint');
  await server.deps.blobs.put(blobKey, bytes);
  snapshotId = (
    await server.deps.db.snapshot.create({
      data: {
        runId,
        tick: 10,
        kind: 'checkpoint',
        blobKey,
        bytes: 3,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    })
  ).id;
  shareLinkId = (await owner.share.create({ runId })).id;
  apiKeyId = (await owner.apiKeys.create({ name: 'owner key' })).id;
});

describe('stranger access', () => {
  const cases: [string, () => Promise<unknown>][] = [
    ['runs.get', () => server.caller(strangerId).runs.get({ runId })],
    ['runs.cancel', () => server.caller(strangerId).runs.cancel({ runId })],
    ['runs.injectReward', () => server.caller(strangerId).runs.injectReward({ runId, value: 1 })],
    [
      'runs.injectStimulus',
      () => server.caller(strangerId).runs.injectStimulus({ runId, population: 'in', spikes: [[0, 0]] }),
    ],
    ['runs.progress', () => server.caller(strangerId).runs.progress({ runId })],
    ['snapshots.list', () => server.caller(strangerId).snapshots.list({ runId })],
    ['snapshots.fork', () => server.caller(strangerId).snapshots.fork({ snapshotId })],
    ['share.create', () => server.caller(strangerId).share.create({ runId })],
    ['share.list', () => server.caller(strangerId).share.list({ runId })],
    ['share.revoke', () => server.caller(strangerId).share.revoke({ shareLinkId })],
    ['apiKeys.revoke', () => server.caller(strangerId).apiKeys.revoke({ keyId: apiKeyId })],
  ];

  it.each(cases)('%s is not found', async (_name, call) => {
    expect(await codeOf(call())).toBe('NOT_FOUND');
  });

  it('runs.list shows no foreign runs', async () => {
    expect((await server.caller(strangerId).runs.list({})).runs).toEqual([]);
  });

  it('apiKeys.list shows no foreign keys', async () => {
    expect(await server.caller(strangerId).apiKeys.list()).toEqual([]);
  });

  it('owner still sees everything intact', async () => {
    const owner = server.caller(ownerId);

    expect((await owner.runs.get({ runId })).status).toBe('queued');
    expect((await owner.snapshots.list({ runId })).map((s) => s.id)).toEqual([snapshotId]);
    expect((await owner.share.list({ runId })).map((l) => [l.id, l.revokedAt])).toEqual([
      [shareLinkId, null],
    ]);
    expect((await owner.apiKeys.list()).map((k) => k.id)).toEqual([apiKeyId]);
    expect(await server.deps.db.runEvent.count({ where: { runId } })).toBe(0);
  });
});

describe('anonymous access', () => {
  it('protected procedures are unauthorized', async () => {
    const anonymous = server.caller(null);

    expect(await codeOf(anonymous.runs.get({ runId }))).toBe('UNAUTHORIZED');
    expect(await codeOf(anonymous.apiKeys.list())).toBe('UNAUTHORIZED');
    expect(await codeOf(anonymous.spec.validate({ source: { format: 'json', value: TINY_SPEC } }))).toBe(
      'UNAUTHORIZED',
    );
  });
});
