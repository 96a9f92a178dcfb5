import { expect, test } from '@playwright/test';

import { NOTICE_TIMEOUT_MS } from '../app/_components/ui/notices';
import { capture, notebookFromTemplate, signUp } from './helpers';

test('info notice times out, error stays', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');

  // Deleting a cell shows an info notice that screen readers hear as a status message.
  await page.getByTestId('cell-markdown').getByRole('button', { name: 'Delete cell' }).click();
  const deleted = page.getByTestId('cell-deleted');
  await expect(deleted).toHaveAttribute('role', 'status');
  await expect(deleted).toContainText('Cell deleted');
  await expect(deleted).toHaveCount(0, { timeout: NOTICE_TIMEOUT_MS + 10_000 });

  // Every save fails from here on: the error notice is an alert and outlasts the info timeout.
  await page.route('**/api/trpc/**saveCells**', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"down for the test"}' }),
  );
  await page.getByTestId('cell-spec').getByRole('button', { name: 'Move down' }).click();
  const failed = page.getByTestId('save-error');
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed).toContainText('Save failed');
  await page.waitForTimeout(NOTICE_TIMEOUT_MS + 2000);
  await expect(failed).toBeVisible();
  await capture(page, 'notice-error');

  // The close button is reachable with the keyboard: Tab from the Retry button, then Enter.
  await failed.getByRole('button', { name: 'Retry' }).focus();
  await page.keyboard.press('Tab');
  await expect(failed.getByRole('button', { name: 'Dismiss notice' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(failed).toHaveCount(0);
});
