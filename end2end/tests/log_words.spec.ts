// Logging a workout by telling the coach, as a user meets it (JavaScript off and hydrated):
// the reply says what was logged, a card shows it with Undo, and Undo takes it back out of
// the log (the card then says so, and /log no longer lists it).
import { expect } from '@playwright/test';
import { test, register } from './helpers';

test('tell the coach a workout, see it logged, then undo it', async ({ page }) => {
  await register(page);
  await page.locator('#content').fill('squat 3x5 @ 100kg, bench 3x8 at 80');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  const card = page.locator('.log-card');
  await expect(card).toHaveCount(1, { timeout: 20000 });
  await expect(card).toContainText('Squat (Barbell) — 3 sets');
  await expect(card).toContainText('Bench Press (Barbell) — 3 sets');
  await expect(page.locator('.msg-coach').last()).toContainText('Logged: Squat (Barbell) (3 sets)');

  await page.goto('/log');
  await expect(page.locator('main')).toContainText('Squat (Barbell)');
  await page.goBack();

  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.log-card-undone')).toHaveCount(1);
  await expect(page.locator('.log-card')).toContainText('Undone');
  await expect(page.locator('.log-card button')).toHaveCount(0);
});

test('a workout told in Hebrew is logged and answered in Hebrew', async ({ page }) => {
  await register(page);
  await page.locator('#content').fill('רצתי 5 קילומטר ב-25 דקות');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  // The card is in the app's language (English here); the answer in the message's.
  await expect(page.locator('.log-card')).toContainText('Running — 1 set');
  await expect(page.locator('.log-card')).toContainText('New personal record: Running — Longest distance');
  await expect(page.locator('.msg-coach').last().locator('.msg-body')).toContainText('נרשם: ריצה');
});
