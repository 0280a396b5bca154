// The site's ECharts is a custom build (tools/echarts-entry.js) holding only what the server's
// chart options use (src/server/charts/option.rs). This spec draws every series type and
// component those options can carry and checks that ECharts drew each one: a component or
// series left out of the build is dropped without a word by the minified ECharts (or throws, for
// a missing legend/dataZoom subtype), so the check compares each option the server sent with
// what the chart holds after `setOption`, and looks for ink on the canvas.
// Line, bar and heatmap (with visualMap), dataZoom inside + slider (over 30 points), scroll and
// plain legends come from the app itself: /progress and a coach's chart in a thread. Pie and
// scatter are only made by a language model's `create_chart`, which no spec can reach offline:
// they are drawn from a real option of the page, reshaped as option.rs shapes them.
import { expect, type Page } from '@playwright/test';
import { test, register } from './helpers';

interface Drawn {
  id: string;
  missing: string[];
  series: string[];
  drawnSeries: string[];
  inked: number;
}

/** For every drawn chart of the page (or the boxes given): what the option asked for and ECharts lacks. */
async function drawnCharts(page: Page, selector = 'figure.chart'): Promise<Drawn[]> {
  return page.evaluate((selector) => {
    type Option = Record<string, unknown> & { series: { type: string }[] };
    type Model = {
      getComponent(mainType: string): object | undefined;
      getSeries(): { subType: string }[];
    };
    type Chart = { getModel(): Model };
    const echarts = (window as unknown as { echarts: { getInstanceByDom(el: Element): Chart | undefined } }).echarts;
    return [...document.querySelectorAll(selector)].map((el) => {
      const box = el.matches('.chart-canvas, .chart-probe') ? el : el.querySelector('.chart-canvas')!;
      const option: Option = JSON.parse(el.getAttribute('data-option')!);
      const chart = echarts.getInstanceByDom(box);
      if (!chart) return { id: el.id, missing: ['(no chart)'], series: [], drawnSeries: [], inked: 0 };
      // Every component the option names (not plain settings such as backgroundColor) must have
      // a model in the chart: ECharts keeps an option it has no component for as raw data, and
      // draws nothing for it (getOption() would still list it).
      const model = chart.getModel();
      const missing = Object.keys(option).filter(
        (k) => typeof option[k] === 'object' && option[k] !== null && !model.getComponent(k),
      );
      const canvas = box.querySelector('canvas')!;
      const ctx = canvas.getContext('2d')!;
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked++;
      return {
        id: el.id,
        missing,
        series: option.series.map((s) => s.type),
        drawnSeries: model.getSeries().map((s) => s.subType),
        inked,
      };
    });
  }, selector);
}

function expectAllDrawn(charts: Drawn[]) {
  for (const c of charts) {
    expect(c.missing, `${c.id}: components not drawn`).toEqual([]);
    expect(c.drawnSeries, `${c.id}: series`).toEqual(c.series);
    expect(c.inked, `${c.id}: canvas ink`).toBeGreaterThan(2000);
  }
}

test('every series type and component the server emits is in the site’s ECharts build', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    // ECharts' own messages (a development build logs a missing component with console.log).
    if (m.type() === 'error' || /\[ECharts\]/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await register(page);
  // 35 squat days (with some bench): the trend and the coach's chart get over 30 points, so a
  // zoom (inside + slider); several muscle groups give multi-series bars with a scroll legend.
  const day = (d: number) => new Date(Date.now() - d * 86400000).toISOString().slice(0, 10);
  for (let d = 40; d > 5; d--) {
    const resp = await page.request.post('/api/v1/workouts', {
      data: {
        started_at: `${day(d)}T08:00:00Z`,
        exercises: [
          { exercise: 'back-squat', sets: [{ reps: 5, weight_kg: 60 + d }, { reps: 5, weight_kg: 60 + d }] },
          ...(d % 3 === 0 ? [{ exercise: 'bench-press', sets: [{ reps: 3, weight_kg: 40 + d / 2 }] }] : []),
        ],
      },
    });
    expect(resp.status()).toBe(201);
  }

  await page.goto('/progress');
  const figures = page.locator('.progress-charts figure.chart');
  await expect(figures).toHaveCount(6); // e1RM, volume, hard sets, balance against the range, days, records
  for (let i = 0; i < 6; i++) {
    await expect(figures.nth(i).locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
  }
  await page.waitForTimeout(1500); // ECharts animates in for about a second
  const progress = await drawnCharts(page, '.progress-charts figure.chart');
  const kinds = new Set(progress.flatMap((c) => c.series));
  expect([...kinds].sort()).toEqual(['bar', 'heatmap', 'line']);
  expectAllDrawn(progress);
  const options = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.progress-charts figure.chart')].map((f) => [f.id, JSON.parse(f.getAttribute('data-option')!)]),
    ),
  );
  // What the build must hold, as the server sent it (charming writes some components as one
  // object, others as a list).
  const list = (x: unknown) => (Array.isArray(x) ? x : [x]) as { type?: string }[];
  expect(list(options['progress-e1rm'].dataZoom).map((z) => z.type)).toEqual(['inside', 'slider']);
  expect(list(options['progress-calendar'].visualMap)).toHaveLength(1);
  expect(list(options['progress-hard-sets'].legend)[0].type).toBe('scroll');
  // A tooltip on hover (axis trigger on a line, item on the heatmap): rich text on the canvas.
  for (const id of ['progress-e1rm', 'progress-calendar']) {
    const box = page.locator(`#${id} .chart-canvas`);
    const b = (await box.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForTimeout(300);
  }

  // Pie and scatter, shaped as option.rs shapes them, from the weekly volume's real option.
  await page.evaluate(() => {
    const source = JSON.parse(document.querySelector('#progress-volume')!.getAttribute('data-option')!);
    const richTooltip = { trigger: 'item', renderMode: 'richText', confine: true };
    const pie = {
      title: source.title,
      dataset: source.dataset,
      backgroundColor: 'transparent',
      tooltip: richTooltip,
      legend: { top: 'bottom' }, // no type: the plain legend
      series: [{ type: 'pie', name: 'Volume (kg)', radius: '60%', encode: { itemName: 0, value: 1, tooltip: [1] } }],
    };
    const scatter = {
      ...source,
      tooltip: richTooltip,
      series: [{ type: 'scatter', name: source.series[0].name, encode: { x: 0, y: 1, tooltip: [1] } }],
    };
    const echarts = (window as unknown as { echarts: { init(el: HTMLElement, theme?: string | null): { setOption(o: unknown): void } } }).echarts;
    for (const [id, option] of [['probe-pie', pie], ['probe-scatter', scatter]] as const) {
      const box = document.createElement('div');
      box.id = id;
      box.className = 'chart-probe';
      box.style.cssText = 'width:600px;height:360px';
      box.setAttribute('data-option', JSON.stringify(option));
      document.body.appendChild(box);
      echarts.init(box).setOption(option);
    }
  });
  await page.waitForTimeout(1500);
  const probes = await drawnCharts(page, '.chart-probe');
  expect(probes.map((c) => c.series[0])).toEqual(['pie', 'scatter']);
  expectAllDrawn(probes);
  await page.locator('#probe-pie').hover();

  // The dark theme (charts.js draws with "dark" when the page prefers it) redraws every chart.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.locator('.progress-charts figure.chart[data-drawn]').count()).toBe(6);
  await page.waitForTimeout(1500);
  expectAllDrawn(await drawnCharts(page, '.progress-charts figure.chart'));
  await page.emulateMedia({ colorScheme: 'light' });

  // A coach's chart in a thread: a line over 35 days, so with its zoom.
  await page.goto('/');
  await page.locator('#content').fill('show my squat progress');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  const figure = page.locator('figure.chart');
  await expect(figure.locator('.chart-canvas canvas').first()).toBeVisible({ timeout: 20000 });
  await page.waitForTimeout(1500);
  const thread = await drawnCharts(page);
  expect(thread.map((c) => c.series)).toEqual([['line']]);
  expectAllDrawn(thread);
  const option = JSON.parse((await figure.getAttribute('data-option'))!);
  expect(list(option.dataZoom)).toHaveLength(2);

  expect(problems).toEqual([]);
});
