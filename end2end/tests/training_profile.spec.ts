// Settings' training profile: the coach plans with it (level, injuries, liked and avoided
// exercises, rep ranges, switches, the gym's bar and plates). A plain form made on the server,
// so it works the same with JavaScript off and on; names are typed in words.
import { pathIs, query, register, expect, test } from './helpers';

test('the training profile is filled in with words and kept', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const section = page.locator('section#training');
  await expect(section.getByRole('heading', { name: 'Training profile' })).toBeVisible();
  // Defaults: every switch on, a 20 kg bar.
  await expect(section.getByLabel('Send me a weekly check-in on Monday mornings')).toBeChecked();
  await expect(section.getByLabel('Bar (kg)')).toHaveValue('20');

  await section.getByLabel('Fitness level').selectOption('intermediate');
  await section.getByLabel('Knee').check();
  await section.getByLabel('Exercises you like').fill('squat, bench press');
  await section.getByLabel('Exercises you avoid').fill('דדליפט');
  await section.getByLabel('Your rep ranges').fill('bench press: 3-5');
  await section.getByLabel('Send me a weekly check-in on Monday mornings').uncheck();
  await section.getByRole('button', { name: 'Update training profile' }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  expect(query(page).get('saved')).toBe('1');
  await page.reload();
  const saved = page.locator('section#training');
  await expect(saved.getByLabel('Fitness level')).toHaveValue('intermediate');
  await expect(saved.getByLabel('Knee')).toBeChecked();
  await expect(saved.getByLabel('Exercises you like')).toHaveValue('Squat (Barbell), Bench Press (Barbell)');
  await expect(saved.getByLabel('Exercises you avoid')).toHaveValue('Deadlift (Barbell)');
  await expect(saved.getByLabel('Your rep ranges')).toHaveValue('Bench Press (Barbell): 3-5');
  await expect(saved.getByLabel('Send me a weekly check-in on Monday mornings')).not.toBeChecked();
});

test('a name the catalog does not know is named back and nothing typed is lost', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const section = page.locator('section#training');
  await section.getByLabel('Exercises you like').fill('squat, zzzz press');
  await section.getByLabel('Your rep ranges').fill('squat: 4-6');
  await section.getByRole('button', { name: 'Update training profile' }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  const again = page.locator('section#training');
  await expect(again.getByRole('alert')).toContainText('zzzz press');
  await expect(again.getByLabel('Exercises you like')).toHaveValue('squat, zzzz press');
  await expect(again.getByLabel('Your rep ranges')).toHaveValue('squat: 4-6');
});
