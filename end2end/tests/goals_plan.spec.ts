// Goals, the plan, editing a logged workout and importing an export, as a user clicks
// through them (JavaScript off and hydrated: every step is a plain form).
import { expect } from '@playwright/test';
import * as path from 'path';
import { test, register } from './helpers';

test('set a goal, log towards it, pause and delete it', async ({ page }) => {
  await register(page);
  await page.goto('/goals');
  await expect(page.getByText('No goals yet.')).toBeVisible();
  await page.getByLabel('What to count').selectOption('workouts');
  await page.getByLabel('Target').fill('3');
  await page.getByLabel('Every', { exact: true }).selectOption('weekly');
  await page.getByRole('button', { name: 'Set goal' }).click();
  await expect(page.getByRole('status')).toContainText('Goal set.');
  const goal = page.locator('li.goal');
  await expect(goal).toContainText('Workouts');
  await expect(goal).toContainText('0 / 3');

  await page.goto('/log');
  await page.locator('input[name="ex0"]').fill('squat');
  await page.getByLabel('Reps 1').first().fill('5');
  await page.getByLabel('Weight 1').first().fill('100');
  await page.getByRole('button', { name: 'Save workout' }).click();
  await expect(page.getByRole('status').first()).toContainText('Workout saved');

  await page.goto('/goals');
  await expect(goal).toContainText('1 / 3');
  await goal.getByRole('button', { name: 'Pause' }).click();
  await expect(goal).toContainText('Paused');
  await goal.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No goals yet.')).toBeVisible();
});

test('add plan items in words, finish one, see a refusal keep the text', async ({ page }) => {
  await register(page);
  await page.goto('/plan');
  await page.getByLabel('What').fill('Long run');
  await page.getByLabel('When').fill('tomorrow at 7pm');
  await page.getByLabel('Priority').selectOption('high');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Added to your plan.');
  const item = page.locator('li.plan-item').filter({ hasText: 'Long run' });
  await expect(item).toContainText('Tomorrow · 19:00');

  await page.getByLabel('What').fill('Deload');
  await page.getByLabel('When').fill('someday maybe');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('That date could not be read');
  await expect(page.getByLabel('When')).toHaveValue('someday maybe');
  await expect(page.getByLabel('What')).toHaveValue('Deload');

  await item.getByRole('button', { name: 'Mark done' }).click();
  await expect(page.getByText('Nothing planned yet.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Done' })).toContainText('Long run');
});

test('edit a logged workout and delete it from /log', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  await page.getByLabel('Workout name').fill('Pull');
  await page.locator('input[name="ex0"]').fill('deadlift');
  await page.getByLabel('Reps 1').first().fill('5');
  await page.getByLabel('Weight 1').first().fill('120');
  await page.getByRole('button', { name: 'Save workout' }).click();
  const recent = page.getByRole('region', { name: 'Recent workouts' });
  const line = recent.getByRole('listitem').filter({ hasText: 'Pull' });
  await expect(line).toContainText('1 set ·');

  await line.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: 'Editing a workout' })).toBeVisible();
  await expect(page.locator('input[name="ex0"]')).toHaveValue(/Deadlift/);
  await expect(page.getByLabel('Weight 1').first()).toHaveValue('120');
  await page.getByLabel('Weight 1').first().fill('140');
  await page.getByLabel('Reps 2').first().fill('3');
  await page.getByLabel('Weight 2').first().fill('150');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').first()).toContainText('Workout saved');
  await expect(recent.getByRole('listitem')).toHaveCount(1);
  await expect(line).toContainText('2 sets');

  await page.goto('/progress');
  const heaviest = page.getByRole('region', { name: 'Personal records', exact: true }).getByRole('row').filter({ hasText: 'Heaviest weight' });
  await expect(heaviest).toContainText('150 kg');

  await page.goto('/log');
  await line.getByText('Delete').first().click();
  await line.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Workout deleted.')).toBeVisible();
  await expect(page.getByText('No workouts logged yet.')).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByText('No workouts yet.', { exact: false })).toBeVisible();
});

test('import a Strong export from settings after a preview', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Import workouts' });
  await section.getByLabel('Exported from').selectOption('strong');
  await section.getByLabel('Export file').setInputFiles(
    path.join(__dirname, '../../tests/fixtures/imports/strong_breinsp_comma_kg_2021.csv'));
  await section.getByRole('button', { name: 'Preview' }).click();
  await expect(section).toContainText('Preview: nothing is imported yet');
  await expect(section).toContainText('129 workouts, 2,078 sets');
  await section.getByRole('button', { name: 'Import 129 workouts' }).click();
  await expect(section).toContainText('Imported 129 workouts and 2,078 sets.');
  await page.goto('/progress');
  await expect(page.locator('.stat').filter({ hasText: 'Workouts' }).first()).toContainText('129');
});
