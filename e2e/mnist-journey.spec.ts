import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

test.describe.configure({ mode: 'serial' });

test('MNIST template runs, streams and shares', async ({ page, browser }) => {
  await signUp(page);
  await capture(page, 'notebooks-empty');

  await notebookFromTemplate(page, 'mnist-stdp');
  await expect(page.getByTestId('placement-panel')).toBeVisible();
  await expect(page.getByTestId('placement-cores')).toHaveText(/\d+/);
  await capture(page, 'notebook-mnist');

  // The run starts from the run cell under the network cell.
  await page.getByTestId('run-button').click();
  const progress = page.getByTestId('run-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', /queued|running|succeeded/);

  // While running: ticks advance, samples are counted and the raster fills.
  await expect
    .poll(async () => Number(await progress.getAttribute('data-ticks-done')), { timeout: 120_000 })
    .toBeGreaterThan(0);
  await expect(page.getByTestId('run-samples')).toContainText('/ 20');
  const raster = page.getByTestId('live-run').getByTestId('spike-raster');
  await expect
    .poll(async () => Number(await raster.getAttribute('data-spike-count')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.getByTestId('live-run').scrollIntoViewIfNeeded();
  await capture(page, 'notebook-run-live');

  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 200_000,
  });
  await expect(progress).toHaveAttribute('data-ticks-done', '10000');

  // The run page: every recorded spike of the run is drawn.
  await page.getByTestId('open-run-page').click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  const runCount = page.getByTestId('run-spike-count');
  await expect(runCount).not.toHaveAttribute('data-count', '0');
  const recordedSpikes = await runCount.getAttribute('data-count');
  const fullRaster = page.getByTestId('spike-raster');
  await expect.poll(async () => fullRaster.getAttribute('data-spike-count')).toBe(recordedSpikes);
  await capture(page, 'run-page');
  const runUrl = page.url();

  // A share link opens read-only for someone who is not signed in.
  await page.getByTestId('share-button').click();
  const shareUrl = await page.getByTestId('share-url').inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const stranger = await browser.newContext({ colorScheme: 'dark' });
  const shared = await stranger.newPage();
  await shared.goto(shareUrl);
  await expect(shared.getByTestId('read-only-badge')).toBeVisible();
  await expect(shared.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded');
  await expect(shared.getByTestId('share-button')).toHaveCount(0);
  await expect(shared.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect
    .poll(async () => shared.getByTestId('spike-raster').getAttribute('data-spike-count'))
    .toBe(recordedSpikes);
  await shared.screenshot({ path: 'e2e/screenshots/share-view-dark.png' });
  await stranger.close();

  // The snapshot timeline shows weights and forks a new run from a snapshot.
  await page.goto(runUrl);
  const timeline = page.getByTestId('snapshot-timeline');
  await timeline.getByRole('button', { name: 'Show weights' }).last().click();
  // The first download compiles the snapshot route of the dev server, which takes a while.
  await expect(page.getByTestId('receptive-fields')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('weights-panel').scrollIntoViewIfNeeded();
  await capture(page, 'run-weights');
  await timeline.getByRole('button', { name: 'Fork' }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/runs/') && url.toString() !== runUrl);
  await expect(page.getByText('forked from a snapshot')).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 200_000,
  });
});
