import { me } from './me';

export const accountRouter = { me };
