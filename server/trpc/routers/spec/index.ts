import { validate } from './validate';

export const specRouter = { validate };
