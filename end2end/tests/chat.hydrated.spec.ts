// The composer once the Leptos client has taken over: Enter sends, Shift+Enter starts a new
// line, and the message arrives once.
import { expect } from '@playwright/test';
import { test, register, waitForHydration } from './helpers';

test('Enter sends the message and Shift+Enter starts a new line', async ({ page }) => {
  await register(page);
  await waitForHydration(page);
  const box = page.locator('#content');
  await box.click();
  await box.pressSequentially('first line');
  await box.press('Shift+Enter');
  await box.pressSequentially('show my stats');
  await expect(box).toHaveValue('first line\nshow my stats');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const thread = page.locator('ol.thread');
  await expect(thread.locator('.msg-user')).toHaveCount(1);
  await expect(thread.locator('.msg-user')).toContainText('first line');
  await expect(thread.locator('.msg-coach')).toHaveCount(1);
});

test('a reply streams in live, Stop keeps what was written, and a reload shows the same', async ({ page }) => {
  await register(page);
  await waitForHydration(page);
  const box = page.locator('#content');
  await box.fill('What can you do?');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await waitForHydration(page);
  const live = page.locator('.msg-live');
  await expect(live).toBeVisible();
  const text = live.locator('.msg-stream');
  // The text grows while it is written.
  await expect(text).not.toHaveText('');
  const early = (await text.textContent()) ?? '';
  await expect.poll(async () => ((await text.textContent()) ?? '').length).toBeGreaterThan(early.length);
  await live.getByRole('button', { name: 'Stop' }).click();
  const coach = page.locator('ol.thread .msg-coach');
  await expect(coach).toHaveCount(1);
  await expect(coach).toContainText('Stopped.');
  await expect(page.locator('.msg-live')).toHaveCount(0);
  const kept = (await coach.locator('.msg-body').textContent()) ?? '';
  expect(kept.length).toBeGreaterThan(0);
  await page.reload();
  await expect(page.locator('ol.thread .msg-coach .msg-body')).toHaveText(kept);
  await expect(page.locator('ol.thread .msg-coach')).toContainText('Stopped.');
});

test('a reply that uses a tool streams to the end and the stored thread matches it', async ({ page }) => {
  await register(page);
  await waitForHydration(page);
  await page.locator('#content').fill('show my stats for this week');
  await page.locator('#content').press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await waitForHydration(page);
  // When it ends (it may already have by the time the page is up), the live copy gives way
  // to the thread as stored.
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  const coach = page.locator('ol.thread .msg-coach');
  await expect(coach).toHaveCount(1);
  await expect(page.locator('ol.thread .msg-tool')).toContainText('get_stats');
  const answer = (await coach.locator('.msg-body').textContent()) ?? '';
  expect(answer.length).toBeGreaterThan(10);
  await page.reload();
  await expect(page.locator('ol.thread .msg-coach .msg-body')).toHaveText(answer);
});

test('Copy puts the reply on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await register(page);
  await waitForHydration(page);
  await page.locator('#content').fill('What can you do?');
  await page.locator('#content').press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  await waitForHydration(page);
  const coach = page.locator('ol.thread .msg-coach');
  await coach.getByRole('button', { name: 'Copy' }).click();
  await expect(coach.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const shown = (await coach.locator('.msg-body').innerText()).trim();
  expect(copied.length).toBeGreaterThan(20);
  // The Markdown as written: its words are the ones the page shows.
  const words = copied.replace(/[*_`#>()\[\]-]/g, ' ').split(/\s+/).filter((w) => w.length > 3).slice(0, 5);
  expect(words.length).toBeGreaterThan(2);
  for (const w of words) expect(shown).toContain(w);
});
