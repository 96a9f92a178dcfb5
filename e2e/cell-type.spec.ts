import { expect, test } from '@playwright/test';

import { capture, notebookFromTemplate, signUp } from './helpers';

test('cell type change and undo', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
  const first = page.locator('[data-cell-index="0"]');
  await expect(first).toHaveAttribute('data-testid', 'cell-markdown');

  // The control is a button in the cell's toolbar, so Tab reaches it and Enter presses it.
  const control = first.getByRole('button', { name: 'Change to network cell' });
  await control.focus();
  await page.keyboard.press('Enter');

  // The text stays, now in a YAML editor, which reports it as an invalid spec.
  await expect(first).toHaveAttribute('data-testid', 'cell-spec');
  const editor = first.getByTestId('spec-editor');
  await expect(editor.locator('.cm-content')).toContainText('# Two inputs, one neuron');
  await expect(first.getByTestId('spec-issues')).toBeVisible();
  await expect(page.getByTestId('cell-type-changed')).toContainText('Changed to a network cell');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await capture(page, 'cell-type-network');

  // Ctrl+Z with the focus outside any editor brings the markdown cell back.
  await page.getByTestId('notebook-title').click();
  await page.keyboard.press('Control+z');
  await expect(first).toHaveAttribute('data-testid', 'cell-markdown');
  await expect(first.getByRole('heading', { name: 'Two inputs, one neuron' })).toBeVisible();
  await expect(page.getByTestId('cell-type-changed')).toHaveCount(0);

  // Autosave stores each step: after a reload the notebook has its markdown cell first.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.locator('[data-cell-index="0"]')).toHaveAttribute('data-testid', 'cell-markdown');

  // A network cell becomes a text cell showing its YAML as a code block, and back again.
  const network = page.locator('[data-cell-index="1"]');
  await expect(network).toHaveAttribute('data-testid', 'cell-spec');
  await network.getByRole('button', { name: 'Change to text cell' }).click();
  await expect(network).toHaveAttribute('data-testid', 'cell-markdown');
  await expect(network.locator('pre code')).toContainText('apiVersion: livenet/v1');
  await network.getByRole('button', { name: 'Change to network cell' }).click();
  await expect(network.getByTestId('spec-valid')).toBeVisible();
});
