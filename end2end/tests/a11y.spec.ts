// Accessibility, with and without JavaScript: a working skip link, a label for every form
// control, one h1 per page, landmarks; axe-core (WCAG 2.0/2.1 A and AA) finding nothing serious
// or critical on any page, in English and Hebrew, light and dark, nor a placeholder too faint to
// read; and the chat and /log used with the keyboard alone: every control a Tab stop that shows
// its focus clearly, never hidden under the sticky top bar.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { EN, expect, register, test, waitForHydration } from './helpers';

/** Visible form controls without a <label> (id, name or type of each). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && el.getClientRects().length > 0)
      .filter((el) => !el.labels || el.labels.length === 0)
      .map((el) => el.id || el.name || el.type),
  );
}

test('the skip link is the first stop for the keyboard and leads to the content', async ({ page }) => {
  await page.goto('/login');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).toHaveAttribute('href', '#main');
  await expect(page.getByRole('main')).toHaveAttribute('id', 'main');
});

test('every form control has a label and every page one h1', async ({ page }) => {
  for (const path of ['/login', '/register']) {
    await page.goto(path);
    expect(await unlabelledControls(page), path).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  }
  await register(page);
  for (const path of ['/', '/settings', '/history', '/log', '/progress', '/goals', '/plan']) {
    await page.goto(path);
    expect(await unlabelledControls(page), path).toEqual([]);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('button', { name: EN.logout })).toBeVisible();
  }
});

test('an unknown address shows a not-found page with a 404 status', async ({ page }) => {
  await register(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'Back to Spotter' })).toBeVisible();
});

// ---------------------------------------------------------------------------------------------
// axe-core on every page

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical axe violations on the page as it is now, one line per rule with
 * the elements under it (selector, a bit of its HTML, and axe's reason), ready to fix from.
 * `rules` runs those rules only, instead of every WCAG A and AA one.
 */
async function axeProblems(page: Page, where: string, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (rules ? axe.withRules(rules) : axe.withTags(WCAG)).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => {
        const html = n.html.replace(/\s+/g, ' ').slice(0, 160);
        const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).find(Boolean) ?? '';
        return `      ${n.target.join(' >> ')}  ${html}${why ? `\n        ↳ ${why.slice(0, 200)}` : ''}`;
      });
      const more = v.nodes.length > 6 ? `\n      … and ${v.nodes.length - 6} more` : '';
      return `${where}: ${v.id} (${v.impact}) ${v.help}\n${nodes.join('\n')}${more}`;
    });
}

/**
 * Placeholders under 4.5:1 against their field (axe leaves placeholders out, but the chat box's
 * placeholder is the only label a sighted user sees).
 */
async function faintPlaceholders(page: Page, where: string): Promise<string[]> {
  const faint = await page.evaluate(() => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    /** The first opaque background from the element up (the page's, at worst). */
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c;
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')]
      .filter((el) => el.getClientRects().length > 0 && el.value === '')
      .map((el) => {
        const fg = rgba(getComputedStyle(el, '::placeholder').color);
        const [a, b] = [luminance(fg), luminance(background(el))].sort((x, y) => y - x);
        const alpha = fg.length === 4 ? fg[3] : 1;
        return { el: `${el.tagName.toLowerCase()}#${el.id}`, ratio: (a + 0.05) / (b + 0.05), alpha };
      })
      .filter(({ ratio, alpha }) => ratio < 4.5 || alpha < 1)
      .map(({ el, ratio }) => `${el} (${ratio.toFixed(2)}:1)`);
  });
  return faint.length ? [`${where}: placeholder contrast under 4.5:1\n      ${faint.join('\n      ')}`] : [];
}

/**
 * Runs axe on the page in the light scheme, then its colour rules again in the dark one (the
 * scheme changes colours only), and checks the placeholders in both.
 */
async function axeBothSchemes(page: Page, path: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  const found = await axeProblems(page, `[light] ${path}`);
  found.push(...(await faintPlaceholders(page, `[light] ${path}`)));
  await page.emulateMedia({ colorScheme: 'dark' });
  found.push(...(await axeProblems(page, `[dark] ${path}`, ['color-contrast', 'link-in-text-block'])));
  found.push(...(await faintPlaceholders(page, `[dark] ${path}`)));
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/**
 * A few days of bench press, goals and plan items (one of each paused or done, as they look
 * dimmed), so every page has something to show.
 */
async function seed(page: Page) {
  const day = (d: number) => new Date(Date.now() - d * 86400000).toISOString();
  for (const [d, kg] of [[9, 75], [6, 77.5], [3, 80]] as const) {
    const resp = await page.request.post('/api/v1/workouts', {
      data: { started_at: day(d), exercises: [{ exercise: 'bench-press', sets: [{ reps: 5, weight_kg: kg }] }] },
    });
    expect(resp.status()).toBe(201);
  }
  const created = async (path: string, data: object): Promise<string> => {
    const resp = await page.request.post(path, { data });
    expect(resp.ok(), `${path}: ${await resp.text()}`).toBe(true);
    return (await resp.json()).id;
  };
  await created('/api/v1/goals', { goal_type: 'workouts', target_value: 3, timeframe: 'weekly' });
  const paused = await created('/api/v1/goals', { goal_type: 'workouts', target_value: 12, timeframe: 'monthly' });
  expect((await page.request.patch(`/api/v1/goals/${paused}`, { data: { is_active: false } })).ok()).toBe(true);
  await created('/api/v1/plan', { title: 'Long run', due: 'tomorrow at 7pm', priority: 'high' });
  const done = await created('/api/v1/plan', { title: 'Deload week', priority: 'low' });
  expect((await page.request.patch(`/api/v1/plan/${done}`, { data: { status: 'done' } })).ok()).toBe(true);
}

/**
 * From the home page, asks the coach for a chart, then logs a workout in words and undoes it
 * (the card stays, dimmed); returns the conversation's path.
 */
async function chartConversation(page: Page): Promise<string> {
  await page.goto('/');
  await page.locator('#content').fill('how has my bench moved?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await expect(page.locator('figure.chart')).toHaveCount(1, { timeout: 20000 });
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  await waitForHydration(page);
  await page.locator('#content').fill('bench 3x5 at 60');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.log-card')).toHaveCount(1, { timeout: 20000 });
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  await page.locator('.log-card').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.log-card-undone')).toHaveCount(1);
  return new URL(page.url()).pathname;
}

/**
 * A page for axe to read, in a context of its own (`locale` sets Accept-Language, which picks
 * the language of the signed-out pages). axe runs as a script in the page, so this page has
 * JavaScript on; for the `ssr` project every script file the page asks for is refused, so what
 * axe reads is the server-rendered page a browser without JavaScript shows (its inline scripts
 * only hold data).
 */
async function readerPage(
  browser: Browser,
  javaScriptEnabled: boolean,
  options: BrowserContextOptions = {},
): Promise<Page> {
  // The project's options (base URL, viewport, time zone) carry over to a new context.
  const context = await browser.newContext({ ...options, javaScriptEnabled: true });
  if (!javaScriptEnabled) {
    await context.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.continue(),
    );
  }
  return context.newPage();
}

/** Opens `path` in a reader page and, with JavaScript, waits until the app has hydrated it. */
async function open(reader: Page, path: string) {
  await reader.goto(path);
  await waitForHydration(reader);
}

for (const lang of ['en', 'he'] as const) {
  test(`axe finds nothing serious or critical on any page, ${lang === 'en' ? 'English' : 'Hebrew'}, light and dark`, async ({
    browser,
    page,
    javaScriptEnabled,
  }) => {
    // About 30 s here (eleven pages, each read by axe twice); room for a busy machine.
    test.setTimeout(120_000);
    const problems: string[] = [];

    // Signed out: the browser's language picks the page's.
    const anonymous = await readerPage(browser, javaScriptEnabled, { locale: lang === 'he' ? 'he-IL' : 'en-US' });
    for (const path of ['/login', '/register']) {
      await open(anonymous, path);
      await expect(anonymous.locator('html')).toHaveAttribute('lang', lang);
      problems.push(...(await axeBothSchemes(anonymous, path)));
    }
    await anonymous.context().close();

    // Signed in, with workouts, goals, plan items and a conversation with a chart and a log card.
    await register(page);
    await seed(page);
    const conversation = await chartConversation(page);
    if (lang === 'he') {
      const resp = await page.request.patch('/api/v1/me', { data: { language: 'he' } });
      expect(resp.status()).toBe(200);
    }
    const reader = await readerPage(browser, javaScriptEnabled, {
      storageState: await page.context().storageState(),
    });
    for (const path of [
      '/',
      conversation,
      '/history',
      '/log',
      '/progress',
      '/goals',
      '/plan',
      '/settings',
      '/no-such-page',
    ]) {
      await open(reader, path);
      await expect(reader.locator('html')).toHaveAttribute('lang', lang);
      if (path === conversation && javaScriptEnabled) {
        // The chart drawn by the script, not only its table.
        await expect(reader.locator('figure.chart .chart-canvas canvas')).toHaveCount(1, { timeout: 20000 });
      }
      problems.push(...(await axeBothSchemes(reader, path === conversation ? '/c/{id}' : path)));
    }
    await reader.context().close();
    expect(problems.length, `serious or critical axe violations (and faint placeholders):\n\n${problems.join('\n\n')}\n`).toBe(0);
  });
}

// ---------------------------------------------------------------------------------------------
// The keyboard alone

const SCHEMES = ['light', 'dark'] as const;

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 40) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.textContent ?? '').trim().slice(0, 30)}”` : '-';
      }),
    );
  }
  throw new Error(`Tab never reached ${target}; the focus went through:\n  ${seen.join('\n  ')}`);
}

/**
 * How the focused element shows its focus: an outline (or a box shadow) while it matches
 * :focus-visible, with the outline's contrast against what is around it (WCAG asks 3:1).
 * `shown` is empty when nothing shows.
 */
async function focusIndicator(page: Page): Promise<{ what: string; shown: string; contrast: number }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const what = el
      ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 30)}”`
      : '-';
    if (!el || el === document.body || !el.matches(':focus-visible')) return { what, shown: '', contrast: 0 };
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let around = [255, 255, 255];
    for (let up = el.parentElement; up; up = up.parentElement) {
      const c = rgba(getComputedStyle(up).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
        around = c;
        break;
      }
    }
    const s = getComputedStyle(el);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) {
      const [a, b] = [luminance(rgba(s.outlineColor)), luminance(around)].sort((x, y) => y - x);
      return { what, shown: `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`, contrast: (a + 0.05) / (b + 0.05) };
    }
    if (s.boxShadow && s.boxShadow !== 'none') return { what, shown: `box-shadow ${s.boxShadow}`, contrast: 3 };
    return { what, shown: '', contrast: 0 };
  });
}

/** The focused control shows its focus, clearly enough, in both schemes. */
async function expectFocusShown(page: Page, what: string) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const focus = await focusIndicator(page);
    expect(focus.shown, `${what} (${focus.what}) shows no focus (${colorScheme})`).not.toBe('');
    expect(focus.contrast, `${what}: ${focus.shown} against its background (${colorScheme})`).toBeGreaterThanOrEqual(3);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * Tabs through the whole page from its top: every visible control (link, button, field,
 * summary) must be a Tab stop and show its focus there. Returns what fails, one line each.
 */
async function tabThrough(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      // Inside a closed <details> only its summary is shown (Chromium keeps boxes for the rest).
      .filter((el) => {
        const closed = el.closest('details:not([open])');
        return !closed || (el.tagName === 'SUMMARY' && el.parentElement === closed);
      })
      .filter((el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && (el as HTMLInputElement).type !== 'hidden')
      .map((el, i) => {
        el.dataset.tabWalk = String(i);
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} “${(el.textContent || (el as HTMLInputElement).name || '').trim().slice(0, 30)}”`;
      }),
  );
  const reached = new Set<number>();
  const problems: string[] = [];
  let last: number | undefined;
  // A date and time field takes a few Tabs (day, month, year, …) before the focus moves on.
  for (let i = 0; i < 2 * controls.length + 20; i++) {
    await page.keyboard.press('Tab');
    const attr = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabWalk);
    const at = attr === undefined ? undefined : Number(attr);
    if (at === last) continue;
    if (at === undefined || reached.has(at)) break; // past the last control
    reached.add((last = at));
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const focus = await focusIndicator(page);
      if (!focus.shown) problems.push(`no focus shown (${colorScheme}): ${focus.what}`);
      else if (focus.contrast < 3) problems.push(`faint focus (${colorScheme}, ${focus.contrast.toFixed(2)}:1): ${focus.what}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (controls.length === 0) problems.push('no controls on the page');
  controls.forEach((c, i) => reached.has(i) || problems.push(`never reached by Tab: ${c}`));

  // Back up with Shift+Tab: the page scrolls down under the sticky top bar, and the focused
  // control must come out below it, not stay hidden behind it.
  const covered = new Set<string>();
  for (let i = 0; i < 2 * controls.length + 20; i++) {
    await page.keyboard.press('Shift+Tab');
    const under = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document.querySelector('header');
      if (!el || !bar || el.dataset.tabWalk === undefined || bar.contains(el)) return null;
      if (el.classList.contains('skip-link')) return null; // shown on top of the bar
      const sticky = ['sticky', 'fixed'].includes(getComputedStyle(bar).position);
      const top = el.getBoundingClientRect().top;
      const below = bar.getBoundingClientRect().bottom;
      return sticky && top < below - 1 ? el.dataset.tabWalk : null;
    });
    if (under !== null) covered.add(under);
    if (await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))) break;
  }
  covered.forEach((i) => problems.push(`under the sticky top bar after Shift+Tab: ${controls[Number(i)]}`));
  return problems;
}

test('the chat with the keyboard alone: Tab to the box, type, send, get a reply', async ({ page, javaScriptEnabled }) => {
  await register(page);
  await seed(page);
  await page.goto('/');
  // The skip link and the main navigation's links show where the focus is.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await expectFocusShown(page, 'the skip link');
  const history = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' });
  await tabTo(page, history);
  await expectFocusShown(page, 'the History link');

  const box = page.locator('#content');
  await tabTo(page, box);
  await expectFocusShown(page, 'the message box');
  await page.keyboard.type('how has my bench moved?');
  if (javaScriptEnabled) {
    // Enter sends once the page runs its script.
    await page.keyboard.press('Enter');
  } else {
    const send = page.getByRole('button', { name: 'Send' });
    await tabTo(page, send, 3);
    await expectFocusShown(page, 'the Send button');
    await page.keyboard.press('Enter');
  }
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]+#latest$/);
  await expect(page.locator('ol.thread .msg-user')).toContainText('how has my bench moved?');
  await expect(page.locator('ol.thread .msg-coach')).toHaveCount(1, { timeout: 20000 });
  await expect(page.locator('.msg-live')).toHaveCount(0, { timeout: 20000 });
  await expect(page.locator('figure.chart')).toHaveCount(1);

  // The reply's controls (its chart's "Show data" and "Show SQL", copy, feedback) are all Tab
  // stops too, each showing its focus.
  await page.goto(new URL(page.url()).pathname);
  expect(await tabThrough(page)).toEqual([]);
});

test('/log with the keyboard alone: Tab to the words box, type a workout, log it', async ({ page }) => {
  await register(page);
  await page.goto('/log');
  expect(await tabThrough(page)).toEqual([]);

  await page.goto('/log');
  const words = page.locator('#words-text');
  await tabTo(page, words);
  await expectFocusShown(page, 'the words box');
  await page.keyboard.type('bench 3x5 at 60');
  const logIt = page.getByRole('button', { name: 'Log it' });
  await tabTo(page, logIt, 3);
  await expectFocusShown(page, 'the Log it button');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/\/log\?logged=/);
  await expect(page.locator('.notice-ok')).toBeVisible();
  await expect(page.locator('#recent')).toContainText('Bench Press (Barbell)');
});
