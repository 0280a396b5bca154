// The issue's own question on the demo account (`spotter demo`, created by scripts/test.sh):
// "how did my bench press progress over the last 3 months?" is answered by the offline coach
// with a stored line chart of the last three months. With JavaScript off its data is a table;
// with JavaScript ECharts draws it with no console errors, and a reload draws it again.
import { expect } from '@playwright/test';
import { test, submitLogin } from './helpers';

test('the coach charts the demo account’s bench press over the last 3 months', async ({ page, javaScriptEnabled }) => {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/login');
  await submitLogin(page, 'demo@spotter.local', 'spotter-demo');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/');
  await page.locator('#content').fill('how did my bench press progress over the last 3 months?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const figure = page.locator('figure.chart').last();
  await expect(figure.locator('figcaption')).toHaveText('Bench Press (Barbell) — heaviest set', { timeout: 20000 });
  await figure.locator('details.chart-sql summary').click();
  const sql = await figure.locator('details.chart-sql code').textContent();
  const from = new Date();
  from.setMonth(from.getMonth() - 3);
  expect(sql).toContain('>= \'');
  // Every point is inside the last three months.
  const days = await figure.locator('table tbody tr td:first-child').allTextContents();
  expect(days.length).toBeGreaterThan(3);
  for (const day of days) expect(new Date(day).getTime()).toBeGreaterThanOrEqual(from.getTime() - 2 * 86400000);

  if (!javaScriptEnabled) {
    await expect(figure.locator('details.chart-data')).toHaveAttribute('open', '');
    return;
  }
  await expect(figure.locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
  await page.reload();
  await expect(page.locator('figure.chart').last().locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
  expect(problems).toEqual([]);
});
