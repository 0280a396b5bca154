// `scripts/bench.sh dom`: how long after the model's first token the reply's first text is in
// the page, over SENDS messages sent from a hydrated thread page (the slow fake model of
// fake-llm.mjs, on loopback), and how many page loads each send caused. Prints p50/p99; a
// benchmark, not a test: it never fails on a number.
import { test, expect } from '@playwright/test';
import { register, waitForHydration } from '../tests/helpers';

const SENDS = Number(process.env.SENDS ?? 20);
const LLM = process.env.FAKE_LLM_URL!;

test('first reply text in the DOM after the first token', async ({ page }) => {
  test.setTimeout(SENDS * 30_000 + 60_000);
  await register(page);
  await waitForHydration(page);
  await page.locator('#content').fill('hello');
  await page.locator('#content').press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 30000 });
  await waitForHydration(page);
  let navigations = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations += 1; });
  const gaps: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const before = (await (await fetch(`${LLM}/first`)).json()).length;
    // Note when text first shows in a live reply (checked on every DOM change).
    await page.evaluate(() => {
      const w = window as unknown as { firstText?: number; watch?: MutationObserver };
      w.firstText = undefined;
      w.watch?.disconnect();
      w.watch = new MutationObserver(() => {
        const live = document.querySelector('.msg-live .msg-stream');
        if (w.firstText === undefined && live && (live.textContent ?? '') !== '') {
          w.firstText = performance.timeOrigin + performance.now();
        }
      });
      w.watch.observe(document.querySelector('ol.thread')!, { subtree: true, childList: true, characterData: true });
    });
    await page.locator('#content').fill(`How long should I rest? (${i})`);
    await page.locator('#content').press('Enter');
    await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 30000 });
    const shown = await page.evaluate(() => (window as unknown as { firstText?: number }).firstText);
    const firsts: number[] = await (await fetch(`${LLM}/first`)).json();
    if (shown !== undefined && firsts.length > before) gaps.push(shown - firsts[firsts.length - 1]);
  }
  gaps.sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
  console.log(
    `first text in the DOM after the model's first token: p50 ${at(0.5).toFixed(1)} ms, ` +
      `p99 ${at(0.99).toFixed(1)} ms, min ${gaps[0].toFixed(1)} ms over ${gaps.length} sends ` +
      `(target p50 <= 50 ms); page loads during the sends: ${navigations} (target 0)`,
  );
});
