import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signIn, signUp } from './helpers';

test('run cell survives another browser', async ({ page, browser }) => {
  const email = await signUp(page);
  const notebookUrl = await notebookFromTemplate(page, 'pair-demo');

  // Settings that differ from the template's (seed 1, the spec's mode, 20 ticks).
  await page.getByLabel('Seed').fill('4242');
  await page.getByLabel('Numeric mode').selectOption('float');
  await page.getByLabel('Length in ticks').fill('30');
  await page.getByTestId('run-button').click();
  const live = page.getByTestId('live-run');
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  const runId = await live.getAttribute('data-run-id');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // A fresh browser context has no localStorage, so what it shows came from the server.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await otherPage.goto(notebookUrl);
  await expect(otherPage.getByLabel('Seed')).toHaveValue('4242');
  await expect(otherPage.getByLabel('Numeric mode')).toHaveValue('float');
  await expect(otherPage.getByLabel('Length in ticks')).toHaveValue('30');
  await expect(otherPage.getByTestId('live-run')).toHaveAttribute('data-run-id', runId ?? '');
  await other.close();
});

test('membrane traces follow the run', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');

  await page.getByTestId('run-button').click();
  const live = page.getByTestId('live-run');
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  await live.getByTestId('open-run-page').click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);

  // The template records `out` (one neuron) every tick for 20 ticks: 20 samples, ticks 1..20.
  const traces = page.getByTestId('membrane-traces');
  await expect(traces).toHaveAttribute('data-samples', '20');
  await expect(traces).toHaveAttribute('data-last-tick', '20');
  await expect(traces).toHaveAttribute('data-neurons', '0');
  // Input 0's weight of 6, in units of 64, is all of v until input 1 pushes v to 11 x 64 = 704,
  // over the threshold of 10 x 64, and the spike resets v before the tick's sample.
  await expect(traces).toHaveAttribute('data-max-value', '384');
  await expect(page.getByLabel('Recorded state variable')).toHaveValue('out.v');
  await expect(traces.locator('canvas').first()).toBeVisible();

  // Unticking the only neuron leaves nothing to draw.
  await page.getByLabel('Show neuron 0').uncheck();
  await expect(traces).toHaveAttribute('data-neurons', '');
  await page.getByLabel('Show neuron 0').check();
  await page.getByTestId('membrane-traces').scrollIntoViewIfNeeded();
  await capture(page, 'run-membrane-traces');
});
