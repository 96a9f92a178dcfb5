import { cancel } from './cancel';
import { create } from './create';
import { remove } from './delete';
import { divergence } from './divergence';
import { get } from './get';
import { injectRewardProcedure } from './inject-reward';
import { injectStimulusProcedure } from './inject-stimulus';
import { list } from './list';
import { progress } from './progress';

export const runsRouter = {
  create,
  get,
  list,
  cancel,
  delete: remove,
  progress,
  divergence,
  injectReward: injectRewardProcedure,
  injectStimulus: injectStimulusProcedure,
};
