import { expect, test } from '@playwright/test';

import { notebookFromTemplate, signUp } from './helpers';

test('keyboard undo restores deleted cell', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');

  // The pair template opens with one text cell that explains the network.
  const textCell = page.getByTestId('cell-markdown');
  await expect(textCell).toHaveCount(1);
  await expect(textCell).toContainText('Two inputs, one neuron');

  await textCell.getByRole('button', { name: 'Delete cell' }).click();
  await expect(textCell).toHaveCount(0);
  await expect(page.getByTestId('cell-deleted')).toContainText('Cell deleted');

  // Ctrl+Z inside the network editor is that editor's text undo, not a notebook undo.
  await page.getByTestId('spec-editor').locator('.cm-content').click();
  await page.keyboard.type('x');
  await page.keyboard.press('Control+z');
  await expect(textCell).toHaveCount(0);

  // With the focus outside any editor, Ctrl+Z brings the cell back with its text, first in order.
  await page.getByTestId('notebook-title').click();
  await page.keyboard.press('Control+z');
  await expect(textCell).toHaveCount(1);
  await expect(textCell).toContainText('Two inputs, one neuron');
  await expect(page.locator('[data-cell-index="0"]')).toHaveAttribute('data-testid', 'cell-markdown');
  await expect(page.getByTestId('cell-deleted')).toHaveCount(0);

  await page.keyboard.press('Control+Shift+z');
  await expect(textCell).toHaveCount(0);

  // The notice's Undo button does the same, and autosave stores the restored cell.
  await page.getByTestId('cell-deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(textCell).toContainText('Two inputs, one neuron');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.getByTestId('cell-markdown')).toContainText('Two inputs, one neuron');
});
