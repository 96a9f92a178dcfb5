// Entry of a worker thread that runs TypeScript: the run threads, and the thread of a divergence
// replay (server/services/divergence-replay.ts). Worker threads do not inherit the TypeScript
// loader of the main thread, so this plain module registers tsx and then loads the TypeScript
// entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
