// `scripts/bench.sh dom`: how long after the model's first token the reply's first text is in
// the page, over SENDS messages sent from a hydrated thread page (the slow fake model of
// fake-llm.mjs, on loopback), and how many page loads each send caused. Prints p50/p99; a
// benchmark, not a test: it never fails on a number.
import { test, expect, type Page } from '@playwright/test';
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
  await wireBytes(page);
  gaps.sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
  console.log(
    `first text in the DOM after the model's first token: p50 ${at(0.5).toFixed(1)} ms, ` +
      `p99 ${at(0.99).toFixed(1)} ms, min ${gaps[0].toFixed(1)} ms over ${gaps.length} sends ` +
      `(target p50 <= 50 ms); page loads during the sends: ${navigations} (target 0)`,
  );
});

/** Bytes on the wire (compressed bodies + headers, as the browser received them) to load the
 * thread the sends made: with an empty cache, then again as a repeat visit. */
async function wireBytes(page: Page) {
  const path = new URL(page.url()).pathname;
  const load = async (p: Page) => {
    const sizes: Promise<number>[] = [];
    p.on('requestfinished', (req) => {
      sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    await p.goto(path);
    await p.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    p.removeAllListeners('requestfinished');
    return { bytes: all.reduce((a, b) => a + b, 0), requests: all.length };
  };
  // A new browser context with the same session: nothing cached.
  const context = await page.context().browser()!.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
  });
  const fresh = await context.newPage();
  const first = await load(fresh);
  const again = await load(fresh);
  const kb = (n: number) => (n / 1000).toFixed(1);
  console.log(
    `thread page on the wire: first load ${kb(first.bytes)} KB in ${first.requests} requests ` +
      `(target <= 450 KB), repeat visit ${kb(again.bytes)} KB in ${again.requests} (target <= 70 KB)`,
  );
  await context.close();
}
