// JavaScript on: the Leptos client loads without errors, really hydrates the server-rendered
// pages, and then navigates between them on the client.
import type { Page } from '@playwright/test';
import { EN, mainNav, newUser, pathIs, register, waitForHydration, expect, test } from './helpers';

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'hydration needs JavaScript');

/** Records console errors, uncaught exceptions, failed requests and HTTP errors on a page. */
function watchForProblems(page: Page) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return problems;
}

test('pages load and hydrate without console errors or failed requests', async ({ page }) => {
  const problems = watchForProblems(page);
  const wasm: string[] = [];
  page.on('response', (res) => {
    if (/\/pkg\/.+\.(wasm|js)(\?|$)/.test(res.url())) wasm.push(`${res.status()} ${new URL(res.url()).pathname}`);
  });

  // page.goto waits for hydration (see helpers.ts); then let late requests finish.
  await page.goto('/login');
  await page.waitForLoadState('networkidle');
  await page.goto('/register');
  await page.waitForLoadState('networkidle');
  const user = await register(page);
  await page.waitForLoadState('networkidle');
  await page.goto('/settings');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await page.goto('/history');
  await page.waitForLoadState('networkidle');
  await page.goto('/log');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a workout');
  await page.goto('/progress');
  await page.waitForLoadState('networkidle');

  expect(wasm.some((w) => /^200 .*\.wasm$/.test(w)), `wasm responses: ${wasm.join(', ')}`).toBe(true);
  expect(problems, `while loading /login, /register, / (as ${user.email}), /settings, /history, /log, /progress`).toEqual([]);
});

test.describe('the register page', () => {
  test.use({ timezoneId: 'Asia/Jerusalem' });

  test('fills in the browser time zone once hydrated, and the account gets it', async ({ page }) => {
    await page.goto('/register');
    // The server renders the hidden input empty; only the client-side Effect sets it.
    const timezone = page.locator('input[type="hidden"][name="timezone"]');
    await expect(timezone).toHaveValue('Asia/Jerusalem');

    const user = newUser();
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Display name', { exact: true }).fill(user.name);
    await page.getByRole('button', { name: EN.registerSubmit }).click();
    await expect(page).toHaveURL(pathIs('/'));

    await page.goto('/settings');
    await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Jerusalem');
  });
});

test('the navigation links route on the client, without reloading the page', async ({ page }) => {
  const problems = watchForProblems(page);
  await register(page);
  await waitForHydration(page);
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  const marker = () => page.evaluate(() => (window as unknown as { __marker?: number }).__marker);
  const nav = mainNav(page);

  await nav.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/history'));
  await expect(nav.getByRole('link', { name: 'History', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Chat', exact: true })).not.toHaveAttribute('aria-current', 'page');
  expect(await marker()).toBe(1);

  // Settings loads its token list through a server function when reached on the client.
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('region', { name: 'API tokens' }).getByText(EN.tokensNone)).toBeVisible();
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
  await expect(page.getByLabel('Time zone', { exact: true })).not.toHaveValue('');
  expect(await marker()).toBe(1);

  await page.goBack();
  await expect(page).toHaveURL(pathIs('/history'));
  await expect(nav.getByRole('link', { name: 'History', exact: true })).toHaveAttribute('aria-current', 'page');
  expect(await marker()).toBe(1);

  await nav.getByRole('link', { name: 'Chat', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ready to train?');
  expect(await marker()).toBe(1);

  // A form on a page rendered by the client still posts like the server-rendered one.
  await nav.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill('from-client-nav');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  await expect(tokens.getByRole('status')).toContainText(EN.tokenCreated);
  await expect(tokens.locator('code.secret')).toHaveText(/^spt_/);
  await expect(tokens.getByRole('listitem').filter({ hasText: 'from-client-nav' })).toHaveCount(1);
  expect(await marker()).toBeUndefined(); // a form post is a real page load

  expect(problems).toEqual([]);
});
