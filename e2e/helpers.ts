import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct-horse-battery-staple';

/** Signs up a new user with a unique address and waits for the notebook list. */
export async function signUp(page: Page): Promise<string> {
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('E2E User');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((url) => url.pathname === '/notebooks');
  await expect(page.getByTestId('user-email')).toHaveText(email);
  return email;
}

/** Creates a notebook from a template in the gallery and waits for its editor. */
export async function notebookFromTemplate(page: Page, slug: string): Promise<string> {
  await page.goto('/templates');
  const card = page.getByTestId(`template-${slug}`);
  await expect(card.getByRole('button', { name: 'Use this template' })).toBeEnabled();
  await card.getByRole('button', { name: 'Use this template' }).click();
  await page.waitForURL(/\/notebooks\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('spec-valid')).toBeVisible();
  return page.url();
}

/** Saves a screenshot of the current page into e2e/screenshots. */
export async function capture(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: false });
}

/** Signs in an existing user and waits for the notebook list. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/notebooks');
}
