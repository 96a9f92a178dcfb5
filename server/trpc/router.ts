/**
 * The API: a plain map of procedures by area. The web app imports the `AppRouter` type from here.
 */
import { router } from './init';
import { accountRouter } from './routers/account';
import { apiKeysRouter } from './routers/api-keys';
import { notebooksRouter } from './routers/notebooks';
import { runsRouter } from './routers/runs';
import { shareRouter } from './routers/share';
import { snapshotsRouter } from './routers/snapshots';
import { specRouter } from './routers/spec';

export const appRouter = router({
  account: accountRouter,
  notebooks: notebooksRouter,
  spec: specRouter,
  runs: runsRouter,
  snapshots: snapshotsRouter,
  share: shareRouter,
  apiKeys: apiKeysRouter,
});

export type AppRouter = typeof appRouter;
