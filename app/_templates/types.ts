import type { NumericMode } from '@/core/program';

/** A cell of a template, before it gets an id in a notebook. */
export type TemplateCell =
  | { type: 'markdown'; source: string }
  | { type: 'spec'; source: string }
  /** Runs the spec cell just above it; null fields take the spec's or the data's own value. */
  | { type: 'run'; mode: NumericMode | null; seed: number | null; ticks: number | null };

export interface NotebookTemplate {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  cells: TemplateCell[];
}
