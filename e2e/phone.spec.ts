import { expect, type Page, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

const PHONE = { width: 390, height: 844 };

/** Width of the page's content, which is larger than the viewport when something widens it. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('phone width fits header and run page', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('live-run').getByTestId('run-status')).toHaveAttribute(
    'data-status',
    'succeeded',
    { timeout: 120_000 },
  );
  await page.getByTestId('open-run-page').click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('snapshot-table')).toBeVisible();

  await page.setViewportSize(PHONE);

  // Every section of the top bar lies inside the viewport, none cut off.
  for (const name of ['Notebooks', 'Templates', 'Compare', 'Settings']) {
    const box = await page.getByTestId('site-nav').getByRole('link', { name }).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.x, name).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(PHONE.width);
  }
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();

  // The snapshot table scrolls inside its own box, so the page keeps the viewport's width.
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await capture(page, 'phone-run-page');
  await page.getByTestId('snapshot-table').scrollIntoViewIfNeeded();
  await capture(page, 'phone-run-snapshots');
});
