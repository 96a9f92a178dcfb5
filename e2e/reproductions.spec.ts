import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { capture, signUp } from './helpers';

/** Headings of the docs/results.md sections that report each card's figure. */
const SECTIONS: [id: string, heading: string][] = [
  ['diehl-cook-100', 'Task 1: unsupervised STDP (Diehl and Cook), 100 neurons'],
  ['diehl-cook-400', 'Task 1: unsupervised STDP (Diehl and Cook), 400 neurons'],
  ['rstdp', 'Task 2: R-STDP readout on task 1 features'],
  ['eprop', 'Task 3: e-prop'],
  ['drift', 'Task 4: drift'],
];

test('reproduction card shows both figures', async ({ page }) => {
  await signUp(page);
  await page.goto('/templates');

  const large = page.getByTestId('reproduction-diehl-cook-400');
  await expect(large.getByTestId('published-figure')).toContainText('87.0%');
  await expect(large.getByTestId('published-figure')).toContainText('Diehl and Cook 2015');
  const small = page.getByTestId('reproduction-diehl-cook-100');
  await expect(small.getByTestId('published-figure')).toContainText('about 82%');
  await expect(page.getByTestId('reproduction-drift')).not.toContainText('No notebook');

  // Each card's figure must match the one docs/results.md reports, or say that none is measured.
  const results = readFileSync('docs/results.md', 'utf8');
  for (const [id, heading] of SECTIONS) {
    const section = results.split('## ').find((part) => part.startsWith(heading));
    const reported = /our accuracy[^|]*\| \*\*([\d.]+%)\*\*/.exec(section ?? '')?.[1];
    const achieved = page.getByTestId(`reproduction-${id}`).getByTestId('achieved-figure');
    await expect(achieved).toContainText(reported ?? 'not yet measured');
  }
  await capture(page, 'template-reproductions');
});

// Every card with a notebook opens it, and the editor accepts each of its network cells.
const NOTEBOOKS: [id: string, title: string, networkCells: number][] = [
  ['diehl-cook-100', 'Diehl & Cook digit network', 1],
  ['diehl-cook-400', 'Diehl & Cook digit network, 400 neurons', 1],
  ['rstdp', 'Reward-modulated readout', 1],
  ['eprop', 'e-prop on digit rows', 1],
  // The living and the frozen network.
  ['drift', 'Drift: frozen versus living network', 2],
];

// One user opens every card's notebook in turn.
test('cards open their notebooks', async ({ page }) => {
  await signUp(page);
  for (const [id, title, networkCells] of NOTEBOOKS) {
    await page.goto('/templates');
    await page.getByTestId(`reproduction-${id}`).getByRole('button', { name: 'Open as notebook' }).click();
    await page.waitForURL(/\/notebooks\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('notebook-title')).toHaveText(title);
    await expect(page.getByTestId('spec-valid')).toHaveCount(networkCells);
    await expect(page.getByTestId('spec-issues')).toHaveCount(0);
    await capture(page, `reproduction-notebook-${id}`);
  }
});
