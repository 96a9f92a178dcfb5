import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

test('compare overlays runs and diffs specs', async ({ page }) => {
  await signUp(page);
  const notebookUrl = await notebookFromTemplate(page, 'pair-demo');
  const notebookId = notebookUrl.split('/').at(-1) ?? '';
  const live = page.getByTestId('live-run');

  await page.getByTestId('run-button').click();
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  const firstRunId = await live.getAttribute('data-run-id');

  // A second run after changing one weight, so the specs differ in one line.
  const editor = page.getByTestId('spec-editor');
  await editor.locator('.cm-line', { hasText: 'values: [[6], [5]]' }).click();
  await page.keyboard.press('End');
  // The cursor goes back over ` }` and `]]`, to just after the 5.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('4');
  await expect(editor.locator('.cm-line', { hasText: 'values: [[6], [4]]' })).toBeVisible();
  await page.getByTestId('run-button').click();
  await expect.poll(async () => live.getAttribute('data-run-id')).not.toBe(firstRunId);
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });

  await page.goto(`/compare?notebook=${notebookId}`);
  const boxes = page.getByTestId('compare-run-list').getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  // The choice lives in the URL, so each box is clicked and then awaited.
  await boxes.nth(0).click();
  await expect(boxes.nth(0)).toBeChecked();
  await boxes.nth(1).click();
  await expect(boxes.nth(1)).toBeChecked();

  const diff = page.getByTestId('spec-diff');
  await expect(diff).toContainText('2 lines differ');
  await expect(diff).toContainText('- ');
  await expect(page.getByTestId('compare-accuracy')).toBeVisible();
  await capture(page, 'compare');
});
