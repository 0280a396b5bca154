// "What should I do today?" as a user meets it, in English and in Hebrew, JavaScript off and
// on: the coach answers with the next workout of the rotation at loads worked out from the
// log (by hand below), "log it" / "עשיתי" logs it (with a change to every weight when asked),
// and the logged workout shows on /log.
import { expect, type Page } from '@playwright/test';
import { test, register } from './helpers';

/// Two workouts in turn, A (squat, bench) then B (deadlift, press), then A again: B is next.
async function logHistory(page: Page) {
  const day = (d: number) => new Date(Date.now() - d * 86400000).toISOString();
  const lift = (exercise: string, reps: number[], weight_kg: number) => ({
    exercise,
    sets: reps.map((r) => ({ reps: r, weight_kg })),
  });
  for (const [d, name, exercises] of [
    [6, 'A', [lift('back-squat', [5, 5, 5], 100), lift('bench-press', [8, 8, 8], 80)]],
    [4, 'B', [lift('deadlift', [5, 5, 5], 140), lift('overhead-press', [6, 6, 5], 50)]],
    [2, 'A', [lift('back-squat', [6, 6, 6], 100), lift('bench-press', [8, 8, 8], 80)]],
  ] as const) {
    const resp = await page.request.post('/api/v1/workouts', { data: { started_at: day(d), name, exercises } });
    expect(resp.status()).toBe(201);
  }
}

async function send(page: Page, text: string, replies: number) {
  await page.locator('#content').fill(text);
  await page.getByRole('button', { name: /^(Send|שליחה)$/ }).click();
  await expect(page.locator('ol.thread .msg-coach')).toHaveCount(replies, { timeout: 20000 });
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
}

test('today in English: the next workout at its loads, then "log it"', async ({ page }) => {
  await register(page);
  await logHistory(page);
  await page.goto('/');
  await send(page, 'What should I do today?', 1);
  const answer = page.locator('ol.thread .msg-coach').last().locator('.msg-body');
  // Deadlift 140 × 5, 5, 5 in 5–8: one more rep each. Press 50 × 6, 6, 5: 7, 7, 6.
  await expect(answer).toContainText('Deadlift (Barbell): 3 × 6 @ 140 kg');
  await expect(answer).toContainText('Overhead Press (Barbell): 7, 7, 6 @ 50 kg');
  await expect(answer).not.toContainText('Squat (Barbell): ');

  await send(page, 'log it', 2);
  await expect(page.locator('ol.thread .log-card').last()).toContainText('Deadlift (Barbell)');
  await page.goto('/log');
  await expect(page.locator('.card', { hasText: 'Deadlift (Barbell)' }).first()).toBeVisible();
});

test('today in Hebrew: "מה לעשות היום?" and "עשיתי, עם 5 קילו פחות"', async ({ page }) => {
  await register(page);
  await logHistory(page);
  const resp = await page.request.patch('/api/v1/me', { data: { language: 'he' } });
  expect(resp.status()).toBe(200);
  await page.goto('/');
  await send(page, 'מה לעשות היום?', 1);
  const answer = page.locator('ol.thread .msg-coach').last().locator('.msg-body');
  await expect(answer).toContainText('3 × 6 @ 140 ק״ג');
  await expect(answer).toHaveCSS('direction', 'rtl');

  await send(page, 'עשיתי, עם 5 קילו פחות', 2);
  const card = page.locator('ol.thread .log-card').last();
  await expect(card).toContainText('דדליפט');
  // 140 − 5: the sets were logged at 135 kg.
  const logged = await page.request.post('/api/v1/query', {
    data: { sql: "SELECT max(weight_kg) AS w FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id WHERE e.slug = 'deadlift'" },
  });
  const rows = (await logged.json()).rows;
  expect(rows[0][0]).toBe(140);
  const last = await page.request.post('/api/v1/query', {
    data: { sql: "SELECT s.weight_kg FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id WHERE e.slug = 'deadlift' ORDER BY s.created_at DESC LIMIT 1" },
  });
  expect((await last.json()).rows[0][0]).toBe(135);
});
