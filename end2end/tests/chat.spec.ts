// The coach chat as a user meets it (JavaScript off and hydrated: the composer is a plain
// form): ask a question, get the offline coach's answer in the thread, continue it, and find
// the same history after a reload and on the home page.
import { expect } from '@playwright/test';
import { test, register } from './helpers';

test('ask the coach, continue the thread, reload and see the same history', async ({ page }) => {
  await register(page);
  await expect(page.getByText('No conversations yet')).toBeVisible();
  const box = page.locator('#content');
  await box.fill('what can you do?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const thread = page.locator('ol.thread');
  await expect(thread.locator('.msg-user')).toHaveText(/what can you do\?/);
  await expect(thread.locator('.msg-coach')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('what can you do?');

  await page.locator('#content').fill('show my stats');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(thread.locator('.msg-user')).toHaveCount(2);
  await expect(thread.locator('.msg-tool')).toContainText('get_stats');
  await expect(thread.locator('.msg-coach')).toHaveCount(2);

  const url = page.url();
  await page.reload();
  await expect(thread.locator('.msg-user')).toHaveCount(2);
  await expect(thread.locator('.msg-coach')).toHaveCount(2);
  await page.goto('/');
  await page.getByRole('link', { name: 'what can you do?' }).click();
  await expect(page).toHaveURL(url.replace(/#latest$/, ''));
});

test('a Hebrew question in an English thread gets a Hebrew reply that reads right-to-left', async ({ page }) => {
  await register(page);
  await page.locator('#content').fill('how are you?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const thread = page.locator('ol.thread');
  await expect(thread.locator('.msg-coach')).toHaveCount(1);
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });

  await page.locator('#content').fill('מה אתה יודע לעשות?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(thread.locator('.msg-user')).toHaveCount(2);
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  await expect(thread.locator('.msg-coach')).toHaveCount(2);
  // The page stays left-to-right; the Hebrew question and its Hebrew answer read right-to-left.
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(thread.locator('.msg-user').nth(1).locator('.msg-text')).toHaveCSS('direction', 'rtl');
  const reply = thread.locator('.msg-coach').nth(1).locator('.msg-body');
  await expect(reply).toContainText(/[\u0590-\u05FF]/);
  await expect(reply).toHaveCSS('direction', 'rtl');
  await expect(thread.locator('.msg-coach').first().locator('.msg-body')).toHaveCSS('direction', 'ltr');
});
