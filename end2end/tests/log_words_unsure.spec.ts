// The /log words box when it cannot be sure of a number (issue #19): it logs nothing, asks the
// question in the page's language, shows what it did understand, keeps the words in the box,
// and logs once the words say it plainly. English and Hebrew, JavaScript off and hydrated.
import { expect } from '@playwright/test';
import { test, register, waitForHydration, EN } from './helpers';

test('an unsure phrase is asked about, not logged, in English', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  await page.locator('#words-text').fill('squat 3x10 with 40 a side');
  await page.getByRole('button', { name: 'Log it' }).click();
  await waitForHydration(page);
  const question = page.locator('.words-unsure');
  await expect(question).toBeVisible();
  await expect(question).toContainText("I'm not sure I read this right, so nothing is logged yet");
  await expect(question).toContainText('What was the total weight on squat, bar included?');
  await expect(question.locator('.words-understood')).toContainText('Squat (Barbell): 3 × 10 reps @ 40 kg');
  await expect(page.locator('#words-text')).toHaveValue('squat 3x10 with 40 a side');
  await expect(page.locator('#recent')).not.toContainText('Squat (Barbell)');

  // Said plainly, it is logged.
  await page.locator('#words-text').fill('squat 3x10 with 100 kg');
  await page.getByRole('button', { name: 'Log it' }).click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/log\?logged=/);
  await expect(page.locator('#recent')).toContainText('Squat (Barbell)');
});

test('an unsure phrase is asked about, not logged, in Hebrew', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Language', { exact: true }).selectOption('he');
  await page.getByRole('button', { name: EN.save }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');

  await page.goto('/log');
  await page.locator('#words-text').fill('רצתי 10 קילומטר בשעה');
  await page.getByRole('button', { name: 'רשום', exact: true }).click();
  await waitForHydration(page);
  const question = page.locator('.words-unsure');
  await expect(question).toBeVisible();
  await expect(question).toContainText('אני לא בטוח שהבנתי נכון, אז עוד לא נרשם כלום');
  await expect(question).toContainText('כמה זמן זה לקח בריצה?');
  await expect(question.locator('.words-understood')).toContainText('10 ק״מ');
  await expect(page.locator('#words-text')).toHaveValue('רצתי 10 קילומטר בשעה');

  await page.locator('#words-text').fill('רצתי 10 קילומטר בשעה וחצי');
  await page.getByRole('button', { name: 'רשום', exact: true }).click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/log\?logged=/);
  await expect(page.locator('#recent')).toContainText('ריצה');
});
