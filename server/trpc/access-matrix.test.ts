/**
 * Every procedure of the router, called by five kinds of caller: anonymous, another user,
 * another user's API key, the owner, and an anonymous holder of a share token. The procedure
 * list comes from the router itself, so a new procedure without a row here fails the test.
 *
 * Besides the outcome, a call by another user must not return any id of the owner's data.
 */
import { TRPCError } from '@trpc/server';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

import { API_KEY_HEADER } from '../auth/auth';
import { snapshotBlobKey } from '../services/snapshots';
import { useServerFixture } from '../../test/server-fixture';
import { TINY_SPEC } from '../../test/tiny-spec';
import { createCaller, type createCallerForUser } from './caller';
import { createContext } from './context';
import { appRouter } from './router';

const server = useServerFixture({ LIVENET_MAX_ACTIVE_RUNS_PER_USER: '1000' }, { isolated: true });

type Api = ReturnType<typeof createCallerForUser>;
type Role = 'anonymous' | 'stranger' | 'strangerKey' | 'owner' | 'shareHolder';
type Outcome = 'OK' | 'UNAUTHORIZED' | 'NOT_FOUND';

/** The owner's data that one call may touch. */
interface Resources {
  notebookId: string;
  activeRunId: string;
  finishedRunId: string;
  snapshotId: string;
  shareLinkId: string;
  token: string;
  apiKeyId: string;
}

/** A well-formed share token that no link has. */
const UNKNOWN_TOKEN = 'A'.repeat(43);

interface Row {
  call: (api: Api, resources: Resources, role: Role) => Promise<unknown>;
  expected: Record<Role, Outcome>;
  /** The call changes or removes the owner's data, so each caller gets fresh resources. */
  destructive?: boolean;
}

const ANY_USER: Record<Role, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  stranger: 'OK',
  strangerKey: 'OK',
  owner: 'OK',
  shareHolder: 'UNAUTHORIZED',
};
const OWNER_ONLY: Record<Role, Outcome> = {
  anonymous: 'UNAUTHORIZED',
  stranger: 'NOT_FOUND',
  strangerKey: 'NOT_FOUND',
  owner: 'OK',
  shareHolder: 'UNAUTHORIZED',
};
const TOKEN_HOLDERS: Record<Role, Outcome> = {
  anonymous: 'NOT_FOUND',
  stranger: 'NOT_FOUND',
  strangerKey: 'NOT_FOUND',
  owner: 'OK',
  shareHolder: 'OK',
};

/** The owner and the share holder know the token; everyone else guesses. */
const tokenFor = (role: Role, resources: Resources) =>
  role === 'owner' || role === 'shareHolder' ? resources.token : UNKNOWN_TOKEN;

const MATRIX: Record<string, Row> = {
  'account.me': { call: (api) => api.account.me(), expected: ANY_USER },
  'apiKeys.create': { call: (api) => api.apiKeys.create({ name: 'matrix' }), expected: ANY_USER },
  'apiKeys.list': { call: (api) => api.apiKeys.list(), expected: ANY_USER },
  'apiKeys.revoke': {
    call: (api, r) => api.apiKeys.revoke({ keyId: r.apiKeyId }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'notebooks.create': { call: (api) => api.notebooks.create({ title: 'matrix' }), expected: ANY_USER },
  'notebooks.list': { call: (api) => api.notebooks.list(), expected: ANY_USER },
  'notebooks.get': {
    call: (api, r) => api.notebooks.get({ notebookId: r.notebookId }),
    expected: OWNER_ONLY,
  },
  'notebooks.rename': {
    call: (api, r) => api.notebooks.rename({ notebookId: r.notebookId, title: 'renamed' }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'notebooks.saveCells': {
    call: (api, r) => api.notebooks.saveCells({ notebookId: r.notebookId, baseVersion: 1, cells: [] }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'notebooks.delete': {
    call: (api, r) => api.notebooks.delete({ notebookId: r.notebookId }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'spec.validate': {
    call: (api) => api.spec.validate({ source: { format: 'json', value: TINY_SPEC }, seed: 1 }),
    expected: ANY_USER,
  },
  // Starting from the owner's notebook cell: a stranger must not read the cell.
  'runs.create': {
    call: (api, r) =>
      api.runs.create({ source: { kind: 'cell', notebookId: r.notebookId, cellId: 'net' }, ticks: 10 }),
    expected: OWNER_ONLY,
  },
  'runs.get': { call: (api, r) => api.runs.get({ runId: r.activeRunId }), expected: OWNER_ONLY },
  'runs.list': { call: (api) => api.runs.list({}), expected: ANY_USER },
  'runs.cancel': {
    call: (api, r) => api.runs.cancel({ runId: r.activeRunId }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'runs.delete': {
    call: (api, r) => api.runs.delete({ runId: r.finishedRunId }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'runs.divergence': {
    call: (api, r) => api.runs.divergence({ runId: r.finishedRunId }),
    expected: OWNER_ONLY,
  },
  'runs.progress': { call: (api, r) => api.runs.progress({ runId: r.activeRunId }), expected: OWNER_ONLY },
  'runs.injectReward': {
    call: (api, r) => api.runs.injectReward({ runId: r.activeRunId, value: 1 }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'runs.injectStimulus': {
    call: (api, r) => api.runs.injectStimulus({ runId: r.activeRunId, population: 'in', spikes: [[0, 0]] }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'snapshots.list': {
    call: (api, r) => api.snapshots.list({ runId: r.finishedRunId }),
    expected: OWNER_ONLY,
  },
  'snapshots.fork': {
    call: (api, r) => api.snapshots.fork({ snapshotId: r.snapshotId }),
    expected: OWNER_ONLY,
  },
  'share.create': { call: (api, r) => api.share.create({ runId: r.activeRunId }), expected: OWNER_ONLY },
  'share.list': { call: (api, r) => api.share.list({ runId: r.activeRunId }), expected: OWNER_ONLY },
  'share.revoke': {
    call: (api, r) => api.share.revoke({ shareLinkId: r.shareLinkId }),
    expected: OWNER_ONLY,
    destructive: true,
  },
  'share.read': {
    call: (api, r, role) => api.share.read({ token: tokenFor(role, r) }),
    expected: TOKEN_HOLDERS,
  },
  'share.progress': {
    call: (api, r, role) => api.share.progress({ token: tokenFor(role, r) }),
    expected: TOKEN_HOLDERS,
  },
};

const ROLES: Role[] = ['anonymous', 'stranger', 'strangerKey', 'owner', 'shareHolder'];

let ownerId = '';
let strangerId = '';
let strangerKey = '';
let shared: Resources;

async function createResources(): Promise<Resources> {
  const owner = server.caller(ownerId);
  const notebook = await owner.notebooks.create({
    title: 'owner notebook',
    cells: [{ id: 'net', type: 'spec', source: stringify(TINY_SPEC) }],
  });
  const spec = { kind: 'spec' as const, spec: { format: 'json' as const, value: TINY_SPEC } };
  const activeRun = await owner.runs.create({ source: spec, ticks: 20 });
  const finishedRun = await owner.runs.create({ source: spec, ticks: 20 });
  await server.deps.db.run.update({
    where: { id: finishedRun.id },
    data: { status: 'succeeded', finishedAt: new Date() },
  });

  const bytes = new Uint8Array([1, 2, 3]);
  const blobKey = snapshotBlobKey(finishedRun.id, 10, 'checkpoint');
  await server.deps.blobs.put(blobKey, bytes);
  const snapshot = await server.deps.db.snapshot.create({
    data: {
      runId: finishedRun.id,
      tick: 10,
      kind: 'checkpoint',
      blobKey,
      bytes: 3,
      sha256: '039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81',
    },
  });
  const link = await owner.share.create({ runId: activeRun.id });
  const key = await owner.apiKeys.create({ name: 'owner key' });

  return {
    notebookId: notebook.id,
    activeRunId: activeRun.id,
    finishedRunId: finishedRun.id,
    snapshotId: snapshot.id,
    shareLinkId: link.id,
    token: link.token,
    apiKeyId: key.id,
  };
}

async function callerFor(role: Role): Promise<Api> {
  if (role === 'owner') return server.caller(ownerId);
  if (role === 'stranger') return server.caller(strangerId);
  if (role === 'strangerKey') {
    return createCaller(await createContext(server.deps, new Headers({ [API_KEY_HEADER]: strangerKey })));
  }
  return server.caller(null);
}

async function outcomeOf(promise: Promise<unknown>): Promise<{ outcome: string; value: unknown }> {
  try {
    return { outcome: 'OK', value: await promise };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code, value: null };
    throw error;
  }
}

beforeAll(async () => {
  ownerId = (await server.createUser('Owner')).id;
  strangerId = (await server.createUser('Stranger')).id;
  strangerKey = (await server.caller(strangerId).apiKeys.create({ name: 'stranger key' })).key;
  shared = await createResources();
});

describe('access matrix', () => {
  it('every procedure has a row', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([name, row]) =>
    ROLES.map((role) => [name, role, row] as const),
  );

  it.each(cases)('%s as %s', async (_name, role, row) => {
    const resources = row.destructive ? await createResources() : shared;
    const api = await callerFor(role);

    const { outcome, value } = await outcomeOf(row.call(api, resources, role));

    expect(outcome).toBe(row.expected[role]);
    if (role === 'stranger' || role === 'strangerKey') {
      const returned = JSON.stringify(value ?? null);
      for (const id of [ownerId, ...(Object.values(resources) as string[])])
        expect(returned).not.toContain(id);
    }
  });
});
