// Basic accessibility that must hold with and without JavaScript: a working skip link, a
// label for every form control, one h1 per page, landmarks.
import { EN, expect, register, test } from './helpers';
import type { Page } from '@playwright/test';

/** Visible form controls without a <label> (id, name or type of each). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
      .filter((el) => !el.labels || el.labels.length === 0)
      .map((el) => el.id || el.name || el.type),
  );
}

test('the skip link is the first stop for the keyboard and leads to the content', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveAttribute('href', '#main');
  await expect(page.getByRole('main')).toHaveAttribute('id', 'main');
});

test('every form control has a label and every page one h1', async ({ page }) => {
  for (const path of ['/login', '/register']) {
    await page.goto(path);
    expect(await unlabelledControls(page), path).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }
  await register(page);
  for (const path of ['/', '/settings', '/history', '/log', '/progress', '/goals', '/plan']) {
    await page.goto(path);
    expect(await unlabelledControls(page), path).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('button', { name: EN.logout })).toBeVisible();
  }
});

test('an unknown address shows a not-found page with a 404 status', async ({ page }) => {
  await register(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Back to Spotter' })).toBeVisible();
});
