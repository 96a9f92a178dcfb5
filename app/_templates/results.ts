/**
 * Accuracy of our own runs of the reproduction tasks, for the reproduction cards. Each value
 * is copied from `docs/results.md`, which `scripts/results.ts` renders from the saved results of
 * `npm run experiment`. A value is null until that page reports it, and the cards then show
 * "not yet measured" instead of a number.
 *
 * NOTE: these rows are copied by hand from docs/results.md, and the Playwright test
 * `e2e/reproductions.spec.ts` compares each card with that page. Update a row here whenever the
 * page changes.
 */

/** Ids of the runs in `scripts/results.ts`, which name the sections of docs/results.md. */
export type ReproductionId = 'diehl-cook-100' | 'diehl-cook-400' | 'rstdp' | 'eprop' | 'drift';

export interface AchievedResult {
  /** Accuracy on held-out test digits, 0..1; for drift, on the drifted digits after recovery. */
  accuracy: number | null;
  trainSamples: number | null;
  testSamples: number | null;
  seed: number | null;
  mode: 'fixed' | 'float' | null;
  /** Source of the numbers: a document and its section. */
  source: string;
}

export const ACHIEVED: Readonly<Record<ReproductionId, AchievedResult>> = {
  'diehl-cook-100': {
    accuracy: 0.854,
    trainSamples: 16_000,
    testSamples: 2_000,
    seed: 1,
    mode: 'fixed',
    source: 'docs/results.md, task 1 with 100 neurons',
  },
  'diehl-cook-400': {
    accuracy: 0.902,
    trainSamples: 16_000,
    testSamples: 2_000,
    seed: 1,
    mode: 'fixed',
    source: 'docs/results.md, task 1 with 400 neurons',
  },
  rstdp: {
    accuracy: 0.822,
    trainSamples: 8_000,
    testSamples: 2_000,
    seed: 1,
    mode: 'fixed',
    source: 'docs/results.md, task 2',
  },
  eprop: {
    accuracy: 0.924,
    trainSamples: 24_000,
    testSamples: 2_000,
    seed: 1,
    mode: 'float',
    source: 'docs/results.md, task 3',
  },
  drift: {
    accuracy: 0.1885,
    trainSamples: 10_000,
    testSamples: 2_000,
    seed: 1,
    mode: 'fixed',
    source: 'docs/results.md, task 4',
  },
};
