// /log's "Next time" card and the training profile that shapes it, as a user meets them in
// English and in Hebrew. The card is server-made HTML with a plain GET picker, so it works the
// same with JavaScript off and on. The expected loads are worked out by hand from the history
// logged below (double progression, domain::progression):
// - bench press 80 kg × 8, 8, 8: the top of the barbell range 5–8 on every set, so 2.5 kg
//   more at the bottom of the range: 3 × 5 @ 82.5 kg;
// - squat 100 kg × 5, 5, 5: under the top, so the same weight and one more rep: 3 × 6 @ 100 kg;
// - with the user's own bench range 3–5 (typed in Hebrew in Settings): 8 reps pass the top,
//   so 82.5 kg at 3: 3 × 3 @ 82.5 kg.
import { expect, type Page } from '@playwright/test';
import { test, register, pathIs, query } from './helpers';

async function logHistory(page: Page) {
  const day = (d: number) => new Date(Date.now() - d * 86400000).toISOString();
  const lift = (exercise: string, reps: number[], weight_kg: number) => ({
    exercise,
    sets: reps.map((r) => ({ reps: r, weight_kg })),
  });
  for (const [d, exercises] of [
    [3, [lift('back-squat', [5, 5, 5], 100)]],
    [1, [lift('bench-press', [8, 8, 8], 80)]],
  ] as const) {
    const resp = await page.request.post('/api/v1/workouts', { data: { started_at: day(d), exercises } });
    expect(resp.status()).toBe(201);
  }
}

test('the Next time card gives the next sets of the exercise picked', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  // Nothing lifted yet: no card, rather than an empty one.
  await expect(page.locator('#next')).toHaveCount(0);

  await logHistory(page);
  await page.goto('/log');
  const card = page.locator('section#next');
  await expect(card.getByRole('heading', { name: 'Next time' })).toBeVisible();
  // The last exercise trained comes first.
  await expect(card.getByLabel('Exercise')).toHaveValue('bench-press');
  await expect(card.locator('.next-time')).toHaveText('Next time: 3 × 5 @ 82.5 kg');
  await expect(card).toContainText('every set reached 8 reps at 80 kg');

  await card.getByLabel('Exercise').selectOption({ label: 'Squat (Barbell)' });
  await card.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(pathIs('/log'));
  expect(query(page).get('next')).toBe('back-squat');
  const squat = page.locator('section#next');
  await expect(squat.getByLabel('Exercise')).toHaveValue('back-squat');
  await expect(squat.locator('.next-time')).toHaveText('Next time: 3 × 6 @ 100 kg');
});

test('in Hebrew: the profile typed in Hebrew is kept and moves the Next time card', async ({ page }) => {
  await register(page);
  await logHistory(page);
  const he = await page.request.patch('/api/v1/me', { data: { language: 'he' } });
  expect(he.status()).toBe(200);

  await page.goto('/log');
  const card = page.locator('section#next');
  await expect(card.getByRole('heading', { name: 'בפעם הבאה' })).toBeVisible();
  await expect(card.locator('.next-time')).toHaveText('בפעם הבאה: 3 × 5 @ 82.5 ק״ג');

  await page.goto('/settings');
  const section = page.locator('section#training');
  await expect(section.getByRole('heading', { name: 'פרופיל אימון' })).toBeVisible();
  await section.getByLabel('רמת כושר').selectOption('intermediate');
  await section.getByLabel('ברך').check();
  await section.getByLabel('תרגילים שאתם אוהבים').fill('סקוואט, bench press');
  await section.getByLabel('טווחי החזרות שלכם').fill('לחיצת חזה: 3-5');
  await section.getByLabel('לשלוח לי סיכום שבועי בימי שני בבוקר').uncheck();
  await section.getByRole('button', { name: 'עדכון פרופיל האימון' }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  expect(query(page).get('saved')).toBe('1');
  await page.reload();
  const saved = page.locator('section#training');
  await expect(saved.getByLabel('רמת כושר')).toHaveValue('intermediate');
  await expect(saved.getByLabel('ברך')).toBeChecked();
  // Names come back as the catalog writes them, in the page's language.
  await expect(saved.getByLabel('תרגילים שאתם אוהבים')).toHaveValue('סקוואט עם מוט, לחיצת חזה עם מוט');
  await expect(saved.getByLabel('טווחי החזרות שלכם')).toHaveValue('לחיצת חזה עם מוט: 3-5');
  await expect(saved.getByLabel('לשלוח לי סיכום שבועי בימי שני בבוקר')).not.toBeChecked();

  // The range typed above is the one the card now plans with.
  await page.goto('/log');
  await expect(page.locator('section#next .next-time')).toHaveText('בפעם הבאה: 3 × 3 @ 82.5 ק״ג');
});
