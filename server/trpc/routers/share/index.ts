import { create } from './create';
import { list } from './list';
import { progress } from './progress';
import { read } from './read';
import { revoke } from './revoke';

export const shareRouter = { create, list, revoke, read, progress };
