// /progress's charts and the /log words box as a user meets them. With JavaScript off each chart
// is its data as a table; with JavaScript, ECharts (from this site) draws it. Markup typed as an
// exercise name, a note or words to log stays text everywhere it shows, charts included.
import { expect } from '@playwright/test';
import { test, register, waitForHydration } from './helpers';

test('progress draws its charts from the log, and the picker changes the trend', async ({ page, javaScriptEnabled }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await register(page);
  const day = (d: number) => new Date(Date.now() - d * 86400000).toISOString().slice(0, 10);
  for (const [d, squat, bench] of [[21, 100, 70], [14, 105, 72.5], [7, 110, 75]] as const) {
    const resp = await page.request.post('/api/v1/workouts', {
      data: {
        started_at: `${day(d)}T08:00:00Z`,
        exercises: [
          { exercise: 'back-squat', sets: [{ reps: 5, weight_kg: squat }, { reps: 5, weight_kg: squat }] },
          { exercise: 'bench-press', sets: [{ reps: 1, weight_kg: bench }] },
        ],
      },
    });
    expect(resp.status()).toBe(201);
  }
  await page.goto('/progress');
  const charts = page.locator('.progress-charts figure.chart');
  await expect(charts).toHaveCount(6); // no goals yet: no goal chart; the balance against the range is one
  const trend = page.locator('#progress-e1rm');
  await expect(trend.locator('figcaption')).toHaveText('Squat (Barbell) — Estimated 1RM, last 12 months');

  if (!javaScriptEnabled) {
    // 110 × (1 + 5/30) = 128.3 on the last day.
    await expect(trend.locator('table tbody tr')).toHaveCount(3);
    await expect(trend.locator('table tbody tr').nth(2)).toContainText('128.3');
    await expect(page.locator('.progress-charts .chart-canvas').first()).toBeHidden();
  } else {
    // Every chart drawn (ECharts may layer more than one canvas in a box).
    for (let i = 0; i < 6; i++) {
      await expect(charts.nth(i).locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
    }
    await expect(trend.locator('details.chart-data')).not.toHaveAttribute('open', '');
  }

  // Pick another exercise: a plain GET form.
  await page.locator('#chart-exercise').selectOption({ label: 'Bench Press (Barbell)' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/progress\?exercise=/);
  await expect(trend.locator('figcaption')).toHaveText('Bench Press (Barbell) — Estimated 1RM, last 12 months');
  if (!javaScriptEnabled) await expect(trend.locator('table tbody tr').nth(2)).toContainText('75');
  else await expect(trend.locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
  expect(problems).toEqual([]);
});

test('log a workout in words from /log, and answer which exercise was meant', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  const box = page.locator('#words-text');
  await box.fill('squat 3x5 @ 100kg');
  await page.getByRole('button', { name: 'Log it' }).click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/log\?logged=/);
  await expect(page.locator('.notice-ok')).toBeVisible();
  await expect(page.locator('#recent')).toContainText('Squat (Barbell)');

  await page.locator('#words-text').fill('benchh presss 3x5 at 80');
  await page.getByRole('button', { name: 'Log it' }).click();
  await waitForHydration(page);
  await expect(page.locator('.words-question')).toContainText('Which exercise is “benchh presss”?');
  await expect(page.locator('#words-text')).toHaveValue('benchh presss 3x5 at 80');
  await page.locator('.words-suggestions').getByRole('button', { name: 'Bench Press (Barbell)' }).click();
  await waitForHydration(page);
  await expect(page).toHaveURL(/\/log\?logged=/);
  await expect(page.locator('#recent')).toContainText('Bench Press (Barbell)');
});

test('markup as an exercise name, a note or words never runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await register(page);
  const name = '<img src=x onerror="window.__xss=1;alert(1)">';
  const resp = await page.request.post('/api/v1/exercises', { data: { name } });
  expect(resp.status()).toBe(201);
  for (const exercise of [name, 'back-squat']) {
    const logged = await page.request.post('/api/v1/workouts', {
      data: {
        name: '<script>window.__xss=2</script>',
        notes: '<svg onload="window.__xss=3;alert(3)">',
        exercises: [{ exercise, sets: [{ reps: 5, weight_kg: 60, notes: '<b onmouseover=alert(4)>x</b>' }] }],
      },
    });
    expect(logged.status()).toBe(201);
  }
  await page.goto('/log');
  await page.locator('#words-text').fill('<img src=y onerror="window.__xss=5;alert(5)"> 3x5 at 60');
  await page.getByRole('button', { name: 'Log it' }).click();
  await waitForHydration(page);
  await expect(page.locator('#words-text')).toHaveValue('<img src=y onerror="window.__xss=5;alert(5)"> 3x5 at 60');

  for (const path of ['/log', '/progress', '/history']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // The name shows as text in the chart picker and the chart's caption.
  await page.goto('/progress');
  await expect(page.locator('#chart-exercise option', { hasText: 'onerror' })).toHaveCount(1);
  await page.locator('#chart-exercise').selectOption({ label: name });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await waitForHydration(page);
  await expect(page.locator('#progress-e1rm figcaption')).toHaveText(`${name} — Estimated 1RM, last 12 months`);
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
