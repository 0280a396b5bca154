// The coach's charts as a user meets them: ask for a chart in words, see it in the thread.
// With JavaScript off the chart's data is a table (and its SQL folded beside it); with
// JavaScript the chart is drawn by ECharts served from the site, the table folds away, and a
// reload draws the same chart again.
import { expect } from '@playwright/test';
import { test, register } from './helpers';

test('ask for a chart in words and see it drawn from your own log', async ({ page, javaScriptEnabled }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await register(page);
  for (const [day, kg] of [['2026-03-02', 100], ['2026-03-09', 105], ['2026-03-16', 112.5]] as const) {
    const resp = await page.request.post('/api/v1/workouts', {
      data: { started_at: `${day}T08:00:00Z`, exercises: [{ exercise: 'squat', sets: [{ reps: 5, weight_kg: kg }] }] },
    });
    expect(resp.status()).toBe(201);
  }
  await page.locator('#content').fill('show my squat progress');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const figure = page.locator('figure.chart');
  await expect(figure).toHaveCount(1, { timeout: 20000 });
  await expect(figure.locator('figcaption')).toHaveText('Squat (Barbell) — heaviest set');
  await expect(page.locator('.msg-coach').last()).toContainText('3 points');
  await expect(figure.locator('details.chart-sql summary')).toHaveText('Show SQL');

  if (!javaScriptEnabled) {
    // The data, readable without a script: one row per day.
    const rows = figure.locator('table tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(2)).toContainText('2026-03-16');
    await expect(rows.nth(2)).toContainText('112.5');
    await expect(figure.locator('.chart-canvas')).toBeHidden();
    return;
  }
  // Drawn: ECharts' canvas in the box, the table folded under "Show data".
  await expect(figure.locator('.chart-canvas canvas')).toHaveCount(1, { timeout: 20000 });
  await expect(figure.locator('.chart-canvas')).toBeVisible();
  const box = await figure.locator('.chart-canvas').boundingBox();
  expect(box && box.height).toBeGreaterThan(150);
  await expect(figure.locator('details.chart-data')).not.toHaveAttribute('open', '');
  await figure.locator('details.chart-data summary').click();
  await expect(figure.locator('table tbody tr')).toHaveCount(3);

  await page.reload();
  await expect(page.locator('figure.chart .chart-canvas canvas')).toHaveCount(1, { timeout: 20000 });
  expect(problems.filter((p) => /Content Security Policy|echarts|charts\.js/i.test(p))).toEqual([]);
});
