import { create } from './create';
import { remove } from './delete';
import { get } from './get';
import { list } from './list';
import { rename } from './rename';
import { saveCells } from './save-cells';

export const notebooksRouter = { create, rename, delete: remove, list, get, saveCells };
