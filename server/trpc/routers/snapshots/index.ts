import { fork } from './fork';
import { list } from './list';

export const snapshotsRouter = { list, fork };
