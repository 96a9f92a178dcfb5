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

  // The notice leaves the placement panel in the right column uncovered.
  const notice = await page.getByTestId('cell-type-changed').boundingBox();
  const panel = await page.getByTestId('placement-panel').boundingBox();
  expect(notice).not.toBeNull();
  expect(panel).not.toBeNull();
  expect(notice!.x + notice!.width).toBeLessThanOrEqual(panel!.x);

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

  // A network cell becomes a text cell with its YAML text unchanged, and back again.
  const network = page.locator('[data-cell-index="1"]');
  await expect(network).toHaveAttribute('data-testid', 'cell-spec');
  await network.getByRole('button', { name: 'Change to text cell' }).click();
  await expect(network).toHaveAttribute('data-testid', 'cell-markdown');
  await expect(network).toContainText('apiVersion: livenet/v1');
  await expect(network.locator('pre code')).toHaveCount(0);
  await network.getByRole('button', { name: 'Change to network cell' }).click();
  await expect(network.getByTestId('spec-valid')).toBeVisible();
});

test('text to network and back keeps markdown', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
  const first = page.locator('[data-cell-index="0"]');
  await first.getByRole('button', { name: 'Change to network cell' }).click();
  await expect(first).toHaveAttribute('data-testid', 'cell-spec');
  await first.getByRole('button', { name: 'Change to text cell' }).click();

  // The heading is still a heading, not a fenced code block.
  await expect(first).toHaveAttribute('data-testid', 'cell-markdown');
  await expect(first.getByRole('heading', { name: 'Two inputs, one neuron' })).toBeVisible();
  await expect(first.locator('pre code')).toHaveCount(0);
});

test('reload keeps cells as saved', async ({ page }) => {
  await signUp(page);
  await notebookFromTemplate(page, 'pair-demo');
  const cellTypes = page.locator('[data-cell-index]');
  const expectTypes = (types: string[]) =>
    expect
      .poll(() => cellTypes.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-testid'))))
      .toEqual(types.map((type) => `cell-${type}`));
  await expectTypes(['markdown', 'spec', 'run']);

  // Text to network, back to text, then Undo: the first cell is a network cell without a run cell.
  const first = page.locator('[data-cell-index="0"]');
  await first.getByRole('button', { name: 'Change to network cell' }).click();
  await expect(first).toHaveAttribute('data-testid', 'cell-spec');
  await first.getByRole('button', { name: 'Change to text cell' }).click();
  await expect(first).toHaveAttribute('data-testid', 'cell-markdown');
  // Two quick type changes are two undo steps, so Undo reverts only the second.
  await expect(page.getByTestId('cell-type-changed')).toContainText('Changed to a text cell');
  await page.getByTestId('cell-type-changed').getByRole('button', { name: 'Undo' }).click();
  await expect(first).toHaveAttribute('data-testid', 'cell-spec');
  await expectTypes(['spec', 'spec', 'run']);

  // The reload shows the saved cells, with no run cell added for the first network cell.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.reload();
  await expect(page.locator('[data-cell-index="0"]')).toHaveAttribute('data-testid', 'cell-spec');
  await expectTypes(['spec', 'spec', 'run']);
});
