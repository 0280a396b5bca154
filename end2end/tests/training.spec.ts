// Logging a workout through /log (a plain form: works with JavaScript off and on) and seeing
// its personal records and points on /progress; a misspelled exercise keeps what was typed.
import { expect } from '@playwright/test';
import { test, register } from './helpers';

test('log a workout on /log and see the new PR on /progress', async ({ page }) => {
  await register(page);
  await page.goto('/progress');
  await expect(page.getByText('No workouts yet.', { exact: false })).toBeVisible();

  await page.goto('/log');
  await page.getByLabel('Workout name').fill('Push day');
  await page.locator('input[name="ex0"]').fill('לחיצת חזה');
  await page.getByLabel('Reps 1').first().fill('5');
  await page.getByLabel('Weight 1').first().fill('100');
  await page.getByLabel('Reps 2').first().fill('8');
  await page.getByLabel('Weight 2').first().fill('82,5');
  await page.locator('input[name="ex1"]').fill('running');
  await page.locator('input[name="ex1_d0"]').fill('5');
  await page.locator('input[name="ex1_m0"]').fill('25');
  await page.getByRole('button', { name: 'Save workout' }).click();

  const saved = page.getByRole('status');
  await expect(saved).toContainText('Workout saved');
  await expect(saved).toContainText('New personal records:');
  await expect(saved).toContainText('Bench Press (Barbell)');

  await saved.getByRole('link', { name: 'See your progress' }).click();
  await expect(page).toHaveURL(/\/progress$/);
  const records = page.getByRole('region', { name: 'Personal records', exact: true });
  const heaviest = records.getByRole('row').filter({ hasText: 'Heaviest weight' }).filter({ hasText: 'Bench Press' });
  await expect(heaviest).toContainText('100 kg');
  await expect(records.getByRole('row').filter({ hasText: 'Longest distance' })).toContainText('5 km');
  await expect(page.getByText('First workout')).toBeVisible();
});

test('an unknown exercise is refused with suggestions and nothing typed is lost', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  await page.locator('input[name="ex0"]').fill('benchh prss');
  await page.getByLabel('Reps 1').first().fill('5');
  await page.getByLabel('Weight 1').first().fill('60');
  await page.getByRole('button', { name: 'Save workout' }).click();
  await expect(page.getByRole('alert')).toContainText("We don't know one of those exercises");
  await expect(page.getByText('Bench Press (Barbell)')).toBeVisible();
  await expect(page.locator('input[name="ex0"]')).toHaveValue('benchh prss');
  await expect(page.getByLabel('Weight 1').first()).toHaveValue('60');
  await page.goto('/progress');
  await expect(page.getByText('No workouts yet.', { exact: false })).toBeVisible();
});
