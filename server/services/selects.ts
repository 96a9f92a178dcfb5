/**
 * Named Prisma selects: the exact fields each kind of row may carry out of a service. Services
 * return rows read with these selects, so a new column reaches clients only when added here.
 */
import type { Prisma } from '../../prisma/generated/client';

export const notebookSummarySelect = {
  id: true,
  title: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.NotebookSelect;

export const notebookSelect = { ...notebookSummarySelect, cells: true } satisfies Prisma.NotebookSelect;

export const runSummarySelect = {
  id: true,
  notebookId: true,
  cellId: true,
  status: true,
  seed: true,
  mode: true,
  specHash: true,
  ticksDone: true,
  totalTicks: true,
  progress: true,
  error: true,
  coreVersion: true,
  forkedFromSnapshotId: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.RunSelect;

export const runSelect = {
  ...runSummarySelect,
  spec: true,
  summary: true,
  timings: true,
  chunkTicks: true,
  checkpointEveryTicks: true,
  cancelRequestedAt: true,
} satisfies Prisma.RunSelect;

export const snapshotSelect = {
  id: true,
  runId: true,
  tick: true,
  kind: true,
  sha256: true,
  bytes: true,
  createdAt: true,
} satisfies Prisma.SnapshotSelect;

export const shareLinkSelect = {
  id: true,
  runId: true,
  createdAt: true,
  revokedAt: true,
} satisfies Prisma.ShareLinkSelect;

/** API key fields a user may see again after creation; the hash never leaves the database. */
export const apiKeySelect = {
  id: true,
  name: true,
  start: true,
  createdAt: true,
  expiresAt: true,
  lastRequest: true,
  enabled: true,
} satisfies Prisma.ApiKeySelect;

export type RunSummary = Prisma.RunGetPayload<{ select: typeof runSummarySelect }>;
export type RunDetail = Prisma.RunGetPayload<{ select: typeof runSelect }>;
