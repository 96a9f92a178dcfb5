import { expect, test } from '@playwright/test';

import { capture, signUp } from './helpers';

test('notebook list creates, renames, deletes', async ({ page }) => {
  await signUp(page);
  await page.getByTestId('new-notebook').click();
  await page.waitForURL(/\/notebooks\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('notebook-title')).toHaveText('Untitled notebook');

  await page.goto('/notebooks');
  const row = page.getByTestId('notebook-row');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Rename' }).click();
  await row.getByLabel('Notebook title').fill('Renamed notebook');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('link')).toHaveText('Renamed notebook');
  await capture(page, 'notebooks');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('notebook-row')).toHaveCount(0);
});

test('API key is shown once', async ({ page }) => {
  await signUp(page);
  await page.goto('/settings');
  await page.getByLabel('API key name').fill('ci script');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByLabel('New API key')).toHaveValue(/^lvn_/);
  await expect(page.getByTestId('api-key-row')).toHaveCount(1);
  await capture(page, 'settings');

  await page.reload();
  await expect(page.getByLabel('New API key')).toHaveCount(0);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('api-key-row').getByRole('button', { name: 'Revoke' }).click();
  // Revoking deletes the key, so the list is empty again.
  await expect(page.getByTestId('api-key-row')).toHaveCount(0);
});

test('signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto('/notebooks');
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to Livenet' })).toBeVisible();
  await capture(page, 'sign-in');
});

test('template gallery lists the templates', async ({ page }) => {
  await page.goto('/templates');
  await expect(page.getByTestId('template-mnist-stdp')).toBeVisible();
  await expect(page.getByTestId('template-pair-demo')).toBeVisible();
  await capture(page, 'templates');
});
