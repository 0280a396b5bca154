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
