import { DIEHL_COOK } from './diehl-cook';
import { MNIST_STDP } from './mnist-stdp';
import { PAIR_DEMO } from './pair-demo';
import type { NotebookTemplate } from './types';

export type { NotebookTemplate, TemplateCell } from './types';

/** Starting points offered in the template gallery, most useful first. */
export const TEMPLATES: readonly NotebookTemplate[] = [MNIST_STDP, DIEHL_COOK, PAIR_DEMO];

export function findTemplate(slug: string): NotebookTemplate | undefined {
  return TEMPLATES.find((template) => template.slug === slug);
}
