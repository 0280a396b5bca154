// /settings: language (and direction), profile fields, API tokens, account deletion.
// Each section is a plain form post, so all of it must work with JavaScript off.
import { EN, HE, mainNav, pathIs, query, register, expect, test } from './helpers';

test('switching to Hebrew turns the page right-to-left, persists, and switching back restores English', async ({
  page,
}) => {
  const user = await register(page);
  await page.goto('/settings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');

  await page.getByLabel('Language', { exact: true }).selectOption('he');
  await page.getByRole('button', { name: EN.save }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  expect(query(page).get('saved')).toBe('1');
  await expect(html).toHaveAttribute('lang', 'he');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('status')).toHaveText(HE.saved);
  const nav = mainNav(page, HE.navLabel);
  await expect(nav.getByRole('link')).toHaveText(HE.nav);
  await expect(nav.getByRole('link', { name: HE.settings })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HE.settings);
  await expect(page.getByLabel(HE.language, { exact: true })).toHaveValue('he');

  // The choice is stored on the account, not in the page.
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'he');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(HE.welcome(user.name));
  await expect(mainNav(page, HE.navLabel).getByRole('link', { name: HE.settings })).toBeVisible();

  await page.goto('/settings');
  await page.getByLabel(HE.language, { exact: true }).selectOption('en');
  await page.getByRole('button', { name: HE.save }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('status')).toHaveText(EN.saved);
  await expect(mainNav(page).getByRole('link')).toHaveText(EN.nav);
});

test('profile fields round-trip through the settings form', async ({ page }) => {
  await register(page);
  await page.goto('/settings');

  await page.getByLabel('Display name', { exact: true }).fill('Renamed Runner');
  await page.getByLabel('Units', { exact: true }).selectOption('imperial');
  await page.getByLabel('Time zone', { exact: true }).fill('Asia/Jerusalem');
  await page.getByLabel('Coaching style', { exact: true }).selectOption('tough');
  await page.getByLabel('Answer length', { exact: true }).selectOption('detailed');
  await page.getByRole('button', { name: EN.save }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(page.getByRole('status')).toHaveText(EN.saved);
  await page.reload();
  await expect(page.getByLabel('Display name', { exact: true })).toHaveValue('Renamed Runner');
  await expect(page.getByLabel('Units', { exact: true })).toHaveValue('imperial');
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue('Asia/Jerusalem');
  await expect(page.getByLabel('Coaching style', { exact: true })).toHaveValue('tough');
  await expect(page.getByLabel('Answer length', { exact: true })).toHaveValue('detailed');
  await expect(page.getByText('Signed in as Renamed Runner')).toBeVisible();
});

test('an unknown time zone is refused with a message and nothing changes', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const before = await page.getByLabel('Time zone', { exact: true }).inputValue();

  await page.getByLabel('Display name', { exact: true }).fill('Should Not Stick');
  await page.getByLabel('Time zone', { exact: true }).fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: EN.save }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  expect(query(page).get('error')).toBe('invalid_timezone');
  await expect(page.getByRole('alert')).toHaveText('Unknown time zone. Use an IANA name such as Europe/London.');
  await expect(page.getByLabel('Time zone', { exact: true })).toHaveValue(before);
  await expect(page.getByLabel('Display name', { exact: true })).not.toHaveValue('Should Not Stick');
});

test('an API token is shown once, listed, usable, and revocable', async ({ page, request }) => {
  await register(page);
  await page.goto('/settings');
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await expect(tokens.getByText(EN.tokensNone)).toBeVisible();

  const name = `ci-bot-${Date.now()}`;
  await tokens.getByLabel('Token name').fill(name);
  await tokens.getByRole('button', { name: 'Create token' }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  const shown = tokens.getByRole('status').filter({ hasText: EN.tokenCreated });
  await expect(shown).toBeVisible();
  const secret = (await shown.locator('code.secret').innerText()).trim();
  expect(secret).toMatch(/^spt_\S{16,}$/);
  // The secret never travels in the URL.
  expect(page.url()).not.toContain(secret);
  const item = tokens.getByRole('listitem').filter({ hasText: name });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Never used');

  // The token works as a bearer credential (a separate client without the session cookie).
  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);

  // Shown once: after a reload the secret is gone, the token is still listed.
  await page.reload();
  await expect(tokens.getByRole('listitem').filter({ hasText: name })).toHaveCount(1);
  await expect(tokens.getByText(EN.tokenCreated)).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);

  await tokens.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(tokens.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
  await expect(tokens.getByText(EN.tokensNone)).toBeVisible();

  const after = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
});

test('a blank token name is refused with a message and creates nothing', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  const tokens = page.getByRole('region', { name: 'API tokens' });
  await tokens.getByLabel('Token name').fill('   '); // passes the browser's `required`
  await tokens.getByRole('button', { name: 'Create token' }).click();

  await expect(page).toHaveURL(pathIs('/settings'));
  expect(query(page).get('error')).toBe('token_name');
  await expect(page.getByRole('alert')).toHaveText('Some fields are not valid. Check them and try again.');
  await expect(tokens.getByText(EN.tokensNone)).toBeVisible();
  await expect(tokens.getByText(EN.tokenCreated)).toHaveCount(0);
});

test('a refused settings form shows its error where the user is looking', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Your email', { exact: true }).fill('someone-else@example.com');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(page.getByRole('alert')).toHaveText(EN.deleteMismatch);
  await expect(page.getByRole('alert')).toBeInViewport();

  await page.goto('/settings');
  await page.getByLabel('Token name').fill('   ');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toBeInViewport();
});

test('the tokens section opened by its anchor is not hidden under the sticky top bar', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Token name').fill('anchor');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.locator('code.secret')).toBeVisible();
  const bar = await page.locator('header.topbar').boundingBox();
  const heading = await page.getByRole('heading', { name: 'API tokens' }).boundingBox();
  expect(heading!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
});

test('Back after creating a token does not show its secret again', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Token name').fill('shown-once');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = (await page.locator('code.secret').innerText()).trim();
  expect(secret).toMatch(/^spt_/);

  await page.goto('/history');
  await page.goBack();
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByText(secret)).toHaveCount(0);
});
