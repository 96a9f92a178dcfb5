/**
 * Runs of one user: create (from a spec or a notebook cell), read, list and cancel. A run of
 * another user is reported as not found.
 */
import { randomInt } from 'node:crypto';

import type { Prisma } from '../../prisma/generated/client';
import type { Db } from '../db/client';
import type { ServerDeps } from '../deps';
import { ConflictError, InvalidError, LimitExceededError, NotFoundError, toDomainError } from '../errors';
import { enqueueRunJob, removeRunJob } from '../queue/jobs';
import { CORE_VERSION, type NumericMode, type Spec, compile, runLength, specHash } from './core-api';
import { getNotebook } from './notebooks';
import { notifyRunChanged } from './run-notifier';
import { runSelect, runSummarySelect } from './selects';
import { type SpecSource, readSpec, specLimitsOf } from './spec';

/** Seeds are stored as PostgreSQL `integer`, so they stay below 2^31. */
export const MAX_SEED = 2 ** 31 - 1;

export type RunSource =
  { kind: 'spec'; spec: SpecSource } | { kind: 'cell'; notebookId: string; cellId: string };

export interface CreateRunInput {
  source: RunSource;
  seed?: number;
  mode?: NumericMode;
  /** Length of the run; defaults to the length of the spec's data stream. */
  ticks?: number;
}

async function resolveSource(
  db: Db,
  userId: string,
  source: RunSource,
): Promise<{ spec: SpecSource; notebookId?: string; cellId?: string }> {
  if (source.kind === 'spec') return { spec: source.spec };

  const notebook = await getNotebook(db, userId, source.notebookId);
  const cell = notebook.cells.find((candidate) => candidate.id === source.cellId);
  if (!cell) throw new NotFoundError(`cell in notebook ${source.notebookId}`, source.cellId);
  if (cell.type !== 'spec') {
    throw new InvalidError(`cell ${source.cellId} is a ${cell.type} cell; runs start from spec cells`, [
      { path: 'source.cellId', message: 'must name a spec cell', value: source.cellId },
    ]);
  }
  return { spec: { format: 'yaml', text: cell.source }, notebookId: notebook.id, cellId: cell.id };
}

/**
 * Compiles the network once, so a spec that does not fit the chip is refused by this request with
 * the population and the limit, and works out the run's length from the spec. Compiling loads no
 * data set, so it stays cheap next to building a whole session.
 */
function measureRun(
  spec: Spec,
  options: { ticks?: number; seed: number; mode: NumericMode },
  maxTicks: number,
): number {
  try {
    compile(spec, { seed: options.seed, mode: options.mode });
  } catch (error) {
    const domain = toDomainError(error);
    if (domain) throw domain;
    throw error;
  }

  let totalTicks: number;
  try {
    totalTicks = runLength(spec, options.ticks === undefined ? {} : { ticks: options.ticks });
  } catch (error) {
    if (error instanceof RangeError)
      throw new InvalidError(error.message, [
        { path: 'ticks', message: error.message, value: options.ticks },
      ]);
    throw error;
  }

  if (totalTicks > maxTicks) {
    throw new InvalidError(`the run would last ${totalTicks} ticks, more than the limit of ${maxTicks}`, [
      { path: 'ticks', message: `at most ${maxTicks} ticks`, value: totalTicks },
    ]);
  }
  return totalTicks;
}

/** Fields of a new run that the caller decides; the rest come from the environment. */
export type NewRunData = Pick<
  Prisma.RunUncheckedCreateInput,
  | 'notebookId'
  | 'cellId'
  | 'spec'
  | 'specHash'
  | 'seed'
  | 'mode'
  | 'totalTicks'
  | 'ticksDone'
  | 'forkedFromSnapshotId'
>;

/**
 * Prisma codes for "no connection in time": P2024 (pool) and P2028 (a transaction could not
 * start). Nothing reached the database, so the insert can be tried again without a duplicate.
 */
const NOT_STARTED_CODES = new Set(['P2024', 'P2028']);

/** Time a create keeps retrying while the pool is exhausted, before the client sees an error. */
const QUEUE_RUN_RETRY_MS = 30_000;

function notStarted(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && NOT_STARTED_CODES.has(code);
}

/**
 * Inserts a queued run and its job in one transaction, after checking the user's quota of
 * active runs. One user's inserts are serialized (an advisory lock on the user) so that two at
 * once cannot both pass the check. Under a burst of requests the transaction may find no free
 * connection in time; it is then tried again, since nothing was written.
 */
export async function queueRun(deps: ServerDeps, userId: string, data: NewRunData) {
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await queueRunOnce(deps, userId, data);
    } catch (error) {
      if (!notStarted(error) || Date.now() - start > QUEUE_RUN_RETRY_MS) throw error;
      deps.log.warn({ userId, attempt, err: error }, 'no database connection for runs.create; retrying');
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 50 * 2 ** attempt)));
    }
  }
}

async function queueRunOnce(deps: ServerDeps, userId: string, data: NewRunData) {
  const limit = deps.env.LIVENET_MAX_ACTIVE_RUNS_PER_USER;
  return deps.db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`runs:${userId}`}))::text`;
      const active = await tx.run.count({
        where: { ownerId: userId, status: { in: ['queued', 'running'] } },
      });
      if (active >= limit) {
        throw new LimitExceededError(
          'activeRunsPerUser',
          limit,
          `you have ${active} runs queued or running, the limit is ${limit}: wait for one to finish or cancel one`,
        );
      }

      const created = await tx.run.create({
        data: {
          ...data,
          ownerId: userId,
          chunkTicks: deps.env.LIVENET_CHUNK_TICKS,
          checkpointEveryTicks: deps.env.LIVENET_CHECKPOINT_EVERY_TICKS,
          coreVersion: CORE_VERSION,
        },
        select: runSummarySelect,
      });
      await enqueueRunJob(tx, created.id);
      return created;
      // Under many concurrent users the pool can be busy for seconds; waiting beats failing the request.
    },
    { maxWait: 15_000, timeout: 15_000 },
  );
}

export async function createRun(deps: ServerDeps, userId: string, input: CreateRunInput) {
  const { db, env } = deps;
  const source = await resolveSource(db, userId, input.source);
  const spec = readSpec(source.spec, specLimitsOf(env));
  const seed = input.seed ?? randomInt(MAX_SEED);
  const mode = input.mode ?? spec.chip.mode;
  const totalTicks = measureRun(
    spec,
    { seed, mode, ...(input.ticks === undefined ? {} : { ticks: input.ticks }) },
    env.LIVENET_MAX_TICKS_PER_RUN,
  );

  const run = await queueRun(deps, userId, {
    notebookId: source.notebookId ?? null,
    cellId: source.cellId ?? null,
    spec,
    specHash: specHash(spec),
    seed,
    mode,
    totalTicks,
  });
  deps.log.info({ runId: run.id, userId, totalTicks, seed, mode }, 'run queued');
  return run;
}

export async function getRun(db: Db, userId: string, runId: string) {
  // findUnique on the primary key with the owner as an extra filter costs about half of findFirst (Prisma 7.10).
  const run = await db.run.findUnique({ where: { id: runId, ownerId: userId }, select: runSelect });
  if (!run) throw new NotFoundError('run', runId);
  return run;
}

export async function listRuns(
  db: Db,
  userId: string,
  options: { notebookId?: string; limit: number; cursor?: string },
) {
  const runs = await db.run.findMany({
    where: { ownerId: userId, ...(options.notebookId ? { notebookId: options.notebookId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    select: runSummarySelect,
  });
  const hasMore = runs.length > options.limit;
  const page = hasMore ? runs.slice(0, options.limit) : runs;
  return { runs: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}

/**
 * Cancels a run. A queued run is cancelled at once and its job removed. A running one is marked,
 * and its worker stops at the end of the current chunk.
 */
export async function cancelRun(deps: ServerDeps, userId: string, runId: string) {
  const { db } = deps;
  const run = await db.run.findUnique({ where: { id: runId, ownerId: userId }, select: { status: true } });
  if (!run) throw new NotFoundError('run', runId);
  if (run.status !== 'queued' && run.status !== 'running')
    throw new ConflictError(`run ${runId} has already ${run.status}`);

  const now = new Date();
  const cancelledWhileQueued = await db.run.updateMany({
    where: { id: runId, status: 'queued' },
    data: { status: 'cancelled', cancelRequestedAt: now, finishedAt: now },
  });
  if (cancelledWhileQueued.count === 1) {
    await removeRunJob(db, runId);
  } else {
    await db.run.updateMany({
      where: { id: runId, status: 'running', cancelRequestedAt: null },
      data: { cancelRequestedAt: now },
    });
  }

  await notifyRunChanged(db, runId);
  deps.log.info({ runId, userId }, 'run cancel requested');
  return db.run.findUniqueOrThrow({ where: { id: runId }, select: runSummarySelect });
}
