// The Settings import preview with a real export's noise: a workout timer left running is a
// warning (its sets are imported), a set with 877,777 reps is a bad line, and the preview offers
// "Import 5 sets, skip 1 line", in English and in Hebrew. The format is told by the header.
import * as path from 'path';
import { expect } from '@playwright/test';
import { test, register, waitForHydration } from './helpers';

const FILE = path.join(__dirname, '../../tests/fixtures/imports/strong_timer_left_running.csv');

test('the preview shows warnings and bad lines apart, and imports without the bad line when asked', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Import workouts' });
  await expect(section.getByLabel('Exported from')).toHaveValue('auto');
  await section.getByLabel('Export file').setInputFiles(FILE);
  await section.getByRole('button', { name: 'Preview' }).click();
  await waitForHydration(page);
  await expect(section).toContainText('Preview: nothing is imported yet');
  const warnings = section.locator('.notice-warn');
  await expect(warnings).toContainText('3 lines are imported with a correction:');
  await expect(warnings).toContainText('3 lines (2, 3, 4): workout duration 105h 45m ignored');
  const errors = section.locator('.import-preview .notice-error');
  await expect(errors).toContainText('1 bad line');
  await expect(errors).toContainText('Line 6: Reps: 877777 is more than 1000 reps');
  await section.getByRole('button', { name: 'Import 5 sets, skip 1 line' }).click();
  await waitForHydration(page);
  await expect(section).toContainText('Imported 2 workouts and 5 sets.');
});

test('the same preview in Hebrew', async ({ page }) => {
  await register(page);
  const resp = await page.request.patch('/api/v1/me', { data: { language: 'he' } });
  expect(resp.status()).toBe(200);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'ייבוא אימונים' });
  await section.getByLabel('קובץ ייצוא').setInputFiles(FILE);
  await section.getByRole('button', { name: 'תצוגה מקדימה' }).click();
  await waitForHydration(page);
  await expect(section.locator('.notice-warn')).toContainText('3 שורות מיובאות עם תיקון:');
  await expect(section.locator('.import-preview .notice-error')).toContainText('שורה שגויה אחת');
  await section.getByRole('button', { name: 'ייבוא 5 סטים, בלי שורה אחת' }).click();
  await waitForHydration(page);
  await expect(section).toContainText('יובאו');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
