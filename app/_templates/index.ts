import { DIEHL_COOK, DIEHL_COOK_400 } from './diehl-cook';
import { DRIFT_NOTEBOOK } from './drift';
import { EPROP_ROWS } from './eprop-rows';
import { MNIST_STDP } from './mnist-stdp';
import { PAIR_DEMO } from './pair-demo';
import { RSTDP_READOUT } from './rstdp-readout';
import type { NotebookTemplate } from './types';

export type { NotebookTemplate, TemplateCell } from './types';

/** Starting points offered in the template gallery, most useful first. */
export const TEMPLATES: readonly NotebookTemplate[] = [
  MNIST_STDP,
  DIEHL_COOK,
  DIEHL_COOK_400,
  RSTDP_READOUT,
  DRIFT_NOTEBOOK,
  EPROP_ROWS,
  PAIR_DEMO,
];

export function findTemplate(slug: string): NotebookTemplate | undefined {
  return TEMPLATES.find((template) => template.slug === slug);
}
