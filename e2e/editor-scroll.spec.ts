import { expect, test, type Locator } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

// At this width the network cell sits beside its placement report, and the pair template's
// `registers:` line is a few pixels wider than the editor without wrapping.
test.use({ viewport: { width: 1280, height: 900 } });

async function typeAtLineEnd(editor: Locator, lineText: string, typed: string): Promise<void> {
  await editor.locator('.cm-line', { hasText: lineText }).click();
  await editor.page().keyboard.press('End');
  await editor.page().keyboard.type(typed);
}

test('network editor keeps line starts visible', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
  const editor = page.getByTestId('spec-editor');
  const scroller = editor.locator('.cm-scroller');

  // A short edit at the end of a line that fits leaves the editor where it was.
  await typeAtLineEnd(editor, 'wExp: 0', '1');
  await expect(page.getByTestId('spec-valid')).toBeVisible();
  expect(await scroller.evaluate((element) => element.scrollLeft)).toBe(0);

  // An error's message trails its line; typing elsewhere afterwards still scrolls nothing.
  await typeAtLineEnd(editor, 'registers:', 'x');
  await expect(editor.locator('.cm-inline-issue')).toHaveCount(1);
  await typeAtLineEnd(editor, 'name: in-out', 's');
  expect(await scroller.evaluate((element) => element.scrollLeft)).toBe(0);

  // Long lines wrap, so the scroller has nothing to scroll sideways.
  const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBe(0);
  await expect(editor.locator('.cm-line', { hasText: 'apiVersion: livenet/v1' })).toBeInViewport();
  await capture(page, 'editor-after-edit');
});
