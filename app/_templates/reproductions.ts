/**
 * The reproduction cards of the template gallery: each task, the figure its paper published (as
 * quoted in `scripts/results.ts`), the goal we set, and how to run it here.
 */
import type { ReproductionId } from './results';

export interface PublishedFigure {
  /** Accuracy, 0..1; null when no paper reports this setup. */
  accuracy: number | null;
  /** True when the source gives the figure only roughly, so it is shown to whole percent. */
  approximate?: boolean;
  /** The publication and the conditions of the figure. */
  source: string;
}

export interface Reproduction {
  id: ReproductionId;
  title: string;
  summary: string;
  published: PublishedFigure;
  /** Our target accuracy, 0..1. */
  goal: number;
  /** The gallery template that opens as a notebook, or null with the reason. */
  templateSlug: string | null;
  noTemplateReason?: string;
  /** The command that produces our figure. */
  command: string;
}

export const REPRODUCTIONS: readonly Reproduction[] = [
  {
    id: 'diehl-cook-100',
    title: 'Unsupervised STDP on MNIST, 100 neurons',
    summary: 'Diehl and Cook (2015): adaptive thresholds, lateral inhibition and STDP on 784 Poisson inputs.',
    published: {
      accuracy: 0.82,
      approximate: true,
      source: 'BindsNET replication, 60,000 training digits',
    },
    goal: 0.85,
    templateSlug: 'diehl-cook',
    command: 'npm run experiment -- diehl-cook --neurons 100 --seed 1',
  },
  {
    id: 'diehl-cook-400',
    title: 'Unsupervised STDP on MNIST, 400 neurons',
    summary: 'The same network with 400 excitatory neurons.',
    published: { accuracy: 0.87, source: 'Diehl and Cook 2015, 60,000 training digits' },
    goal: 0.9,
    templateSlug: 'diehl-cook-400',
    command: 'npm run experiment -- diehl-cook --neurons 400 --seed 1',
  },
  {
    id: 'rstdp',
    title: 'Reward-modulated readout',
    summary: 'An R-STDP readout of 10 neurons learns digit classes from a reward on the STDP features.',
    published: { accuracy: null, source: 'no published figure for this setup' },
    goal: 0.85,
    templateSlug: 'rstdp-readout',
    command: 'npm run experiment -- rstdp --seed 1',
  },
  {
    id: 'eprop',
    title: 'e-prop on digit sequences',
    summary:
      'A recurrent ALIF network reads a digit row by row and learns online with e-prop (Bellec et al. 2020).',
    published: { accuracy: null, source: 'no published figure for this setup (rows generated from MNIST)' },
    goal: 0.92,
    templateSlug: 'eprop-rows',
    command: 'npm run experiment -- eprop --seed 1',
  },
  {
    id: 'drift',
    title: 'Drift: frozen versus living network',
    summary:
      'After the digits drift (contrast halved, shifted 3 pixels), a frozen network stays where it was while a living one keeps learning.',
    published: {
      accuracy: null,
      source: 'none; goal: recover 90% of the pre-drift accuracy within 2,000 digits',
    },
    goal: 0.9,
    // The notebook trains its network from scratch in a short run, so its accuracies are far
    // below the experiment's, which starts both networks from weights trained on 8,000 digits.
    templateSlug: 'drift',
    command: 'npm run experiment -- drift --seed 1',
  },
];
