import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

test('replay in float marks no divergence', async ({ page }) => {
  await signUp(page);
  const notebookUrl = await notebookFromTemplate(page, 'pair-demo');
  const notebookId = notebookUrl.split('/').at(-1) ?? '';

  await page.getByTestId('run-button').click();
  const live = page.getByTestId('live-run');
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });

  await page.goto(`/compare?notebook=${notebookId}`);
  const box = page.getByTestId('compare-run-list').getByRole('checkbox').first();
  await box.click();
  await expect(box).toBeChecked();
  await page.getByTestId('replay-button').click();

  // With du 4095 the current decays to exactly 0 each tick and dv 0 leaves v undecayed, so both
  // modes hold the same whole numbers (v = 6 x 64, then 11 x 64 over the threshold of 10 x 64):
  // the fixed run and its float replay spike alike over all 20 ticks.
  const result = page.getByTestId('divergence-result');
  await expect(result).toContainText('No divergence: fixed and float mode spike alike over 20 ticks');
  await expect(result).toHaveAttribute('data-divergence-tick', '');
  await page.getByTestId('divergence-panel').scrollIntoViewIfNeeded();
  await capture(page, 'compare-replay');
});
