import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

test.beforeEach(async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
});

test('YAML error shows at its line', async ({ page }) => {
  const editor = page.getByTestId('spec-editor');
  const delayLine = editor.locator('.cm-line', { hasText: 'delay: 0' });
  await delayLine.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('99');

  // `delay: 99` is line 21 of the pair template; the register allows 0..62.
  const marked = editor.locator('[data-issue-line="21"]');
  await expect(marked).toContainText('projections[0].delay');
  await expect(marked).toContainText('0..62');
  await expect(editor.locator('[data-issue-line]')).toHaveCount(1);
  await expect(page.getByTestId('spec-issues')).toContainText('line 21');
  await capture(page, 'editor-inline-error');

  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('2');
  await expect(editor.locator('[data-issue-line]')).toHaveCount(0);
  await expect(page.getByTestId('spec-valid')).toBeVisible();
});

test('completion offers population names', async ({ page }) => {
  const editor = page.getByTestId('spec-editor');
  await editor.locator('.cm-line', { hasText: 'to: out' }).click();
  await page.keyboard.press('End');
  for (let i = 0; i < 'out'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const options = page.locator('.cm-tooltip-autocomplete li');
  await expect(options).toHaveText([/^in/, /^out/]);
});

test('Shift+Enter starts a run', async ({ page }) => {
  await page.getByTestId('spec-editor').locator('.cm-content').click();
  await page.keyboard.press('Shift+Enter');

  const live = page.getByTestId('live-run');
  await expect(live).toBeVisible();
  await expect(live.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 120_000,
  });
  // Input 0 at tick 1, input 1 at tick 3, and the output neuron at tick 4.
  await expect(live.getByTestId('spike-raster')).toHaveAttribute('data-spike-count', '3');
});

test('placement shows loading, not invalid', async ({ page }) => {
  // Records every text the placement status shows from the first paint of the reloaded page.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { placementTexts: string[] }).placementTexts = seen;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('[data-testid="placement-status"]')) {
        const text = element.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.getByTestId('placement-panel')).toBeVisible();

  const texts = await page.evaluate(() => (window as unknown as { placementTexts: string[] }).placementTexts);
  expect(texts).toContain('Checking the spec…');
  expect(texts).not.toContain('The placement report appears when the spec is valid.');
});
