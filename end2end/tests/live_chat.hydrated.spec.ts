// The live chat path once hydrated: a message sent from a thread page stays on the page (no
// navigation), the question shows at once, the reply grows word by word as the model writes
// it, tool steps show before the answer, Stop works from a second tab, and a reload mid-reply
// picks the reply up from its start with nothing missing. The coach is the server's offline
// coach typing at 40 ms a word (scripts/test.sh), a model that is slow on purpose.
import { expect, type Page } from '@playwright/test';
import { test, register, waitForHydration } from './helpers';

/** A conversation with one finished exchange; the page is on its thread, hydrated. */
async function openThread(page: Page): Promise<string> {
  await register(page);
  await waitForHydration(page);
  await page.locator('#content').fill('hello');
  await page.locator('#content').press('Enter');
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await waitForHydration(page);
  // The greeting's reply is over (the page may have loaded while it was written, and followed
  // it live after hydrating): the next message starts a thread with nothing else live.
  await expect(page.locator('.msg-live, .msg-streaming, .msg-pending')).toHaveCount(0, { timeout: 20000 });
  await expect(page.locator('ol.thread .msg-coach')).toHaveCount(1);
  return new URL(page.url()).pathname;
}

/** The stored text of the thread's last coach reply (its Markdown, as it streamed). */
async function lastReply(page: Page, path: string): Promise<string> {
  const id = path.split('/').pop();
  const resp = await page.request.get(`/api/v1/conversations/${id}/messages`);
  const body = await resp.json();
  const replies = body.items.filter((m: { role: string }) => m.role === 'assistant');
  return replies[replies.length - 1].content;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Counts the page's main-frame navigations from now on. */
function navigations(page: Page): () => number {
  let n = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) n += 1;
  });
  return () => n;
}

/** Samples the live reply's text every few ms until it ends: the distinct texts seen. */
async function watchText(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const started = performance.now();
        const tick = () => {
          const live = document.querySelector('.msg-live .msg-stream');
          const text = live?.textContent ?? '';
          if (live && text !== seen[seen.length - 1]) seen.push(text);
          if ((!live && seen.length > 0) || performance.now() - started > 20000) resolve(seen);
          else requestAnimationFrame(tick);
        };
        tick();
      }),
  );
}

test('a message sent from the thread gets its reply word by word without leaving the page', async ({ page }) => {
  const path = await openThread(page);
  const navs = navigations(page);
  const box = page.locator('#content');
  await box.fill('What can you do?');
  const watching = watchText(page);
  await box.press('Enter');
  // The question is on the page at once, and the box is ready for the next one.
  await expect(page.locator('ol.thread .msg-user')).toHaveCount(2);
  await expect(page.locator('ol.thread .msg-user').last()).toHaveText('What can you do?');
  await expect(box).toHaveValue('');
  const texts = await watching;
  // It grew in many steps, each one the one before plus more.
  expect(texts.length).toBeGreaterThan(5);
  for (let i = 1; i < texts.length; i++) expect(texts[i].startsWith(texts[i - 1]), JSON.stringify(texts.slice(i - 1, i + 1))).toBe(true);
  // At the end the reply is shown as stored, with its details and actions.
  const coach = page.locator('ol.thread .msg-coach:visible');
  await expect(coach).toHaveCount(2);
  await expect(coach.last().getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(coach.last().locator('.msg-body li').first()).toBeVisible();
  // In place of its live copy, like the stored ones: no list number beside the bubble.
  expect(await coach.last().evaluate((e) => getComputedStyle(e).listStyleType)).toBe('none');
  const answer = (await coach.last().locator('.msg-body').textContent()) ?? '';
  // Every text seen was the stored reply's beginning (no gap, nothing twice).
  const stored = flat(await lastReply(page, path));
  for (const t of texts) expect(stored.startsWith(flat(t))).toBe(true);
  expect(navs()).toBe(0);
  expect(new URL(page.url()).pathname).toBe(path);
  // A reload shows the same thread.
  await page.reload();
  await expect(page.locator('ol.thread .msg-coach')).toHaveCount(2);
  await expect(page.locator('ol.thread .msg-coach .msg-body').last()).toHaveText(answer);
});

test('a tool step shows before the answer while the reply is written', async ({ page }) => {
  await openThread(page);
  const navs = navigations(page);
  await page.locator('#content').fill('show my stats for this week');
  await page.locator('#content').press('Enter');
  const live = page.locator('.msg-live');
  await expect(live.locator('.msg-tool')).toContainText('get_stats');
  // Still being written when the tool step showed up: the answer comes after it.
  await expect(live).toBeVisible();
  await expect(live).toHaveCount(0, { timeout: 20000 });
  await expect(page.locator('ol.thread li.msg-step:visible .msg-tool').last()).toContainText('get_stats');
  expect(navs()).toBe(0);
});

test('Stop in a second tab stops the reply the first tab is watching', async ({ page, context }) => {
  const path = await openThread(page);
  // The second tab has the thread open already (its client loaded and compiled).
  const other = await context.newPage();
  await other.goto(path);
  await waitForHydration(other);
  const navs = navigations(page);
  await page.locator('#content').fill('What can you do?');
  await page.locator('#content').press('Enter');
  await expect(page.locator('.msg-live .msg-stream')).not.toHaveText('');
  // It looks again mid-reply, follows the reply too, and stops it.
  await other.reload();
  const otherLive = other.locator('.msg-live');
  await expect(otherLive.locator('.msg-stream')).not.toHaveText('');
  await otherLive.getByRole('button', { name: 'Stop' }).click();
  for (const p of [page, other]) {
    await expect(p.locator('.msg-live')).toHaveCount(0, { timeout: 10000 });
    await expect(p.locator('ol.thread .msg-coach:visible').last()).toContainText('Stopped.');
  }
  expect(new URL(other.url()).pathname).toBe(path);
  expect(navs()).toBe(0);
});

test('a reload mid-reply picks the reply up from its start, with no gap', async ({ page }) => {
  const path = await openThread(page);
  await page.locator('#content').fill('What can you do?');
  await page.locator('#content').press('Enter');
  await expect(page.locator('.msg-live .msg-stream')).not.toHaveText('');
  await page.reload();
  await waitForHydration(page);
  const texts = await watchText(page);
  expect(texts.length).toBeGreaterThan(1);
  const final = await lastReply(page, path);
  // Everything shown after the reload was the stored reply's beginning, growing to all of it.
  for (const t of texts) expect(flat(final).startsWith(flat(t))).toBe(true);
  // Nothing of the server's own copy of the reply is left on show next to it.
  await expect(page.locator('ol.thread .msg-coach:visible')).toHaveCount(2);
});
