// Accounts through the browser: register, log out, log in (with `next`), wrong password,
// too-short password. Runs with JavaScript off (`ssr`) and on (`hydrated`).
import {
  EN,
  HE,
  PASSWORD,
  logout,
  mainNav,
  newUser,
  pathIs,
  query,
  register,
  submitLogin,
  submitRegistration,
  waitForHydration,
  expect,
  test,
} from './helpers';

test('registering lands on the home page with a welcome and the navigation', async ({ page }) => {
  const user = await register(page);

  await expect(page).toHaveURL(pathIs('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.welcome(user.name));
  const nav = mainNav(page);
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(EN.nav);
  await expect(nav.getByRole('link', { name: 'Chat' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: EN.logout })).toBeVisible();
  await expect(page).toHaveTitle('Chat · Spotter');
});

test('registering an email that is taken shows the error and keeps what was typed', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await submitRegistration(page, { ...user, name: 'Someone Else' });
  await expect(page).toHaveURL(pathIs('/register'));
  expect(query(page).get('error')).toBe('email_taken');
  await expect(page.getByRole('alert')).toHaveText('An account with this email already exists.');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
  await expect(page.getByLabel('Display name', { exact: true })).toHaveValue('Someone Else');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
});

test('logging out returns to /login and private pages redirect there', async ({ page }) => {
  await register(page);
  await logout(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in to Spotter');
  await expect(mainNav(page).getByRole('link')).toHaveText([EN.loginSubmit, EN.registerSubmit]);
  await expect(page.getByRole('button', { name: EN.logout })).toHaveCount(0);

  await page.goto('/settings');
  await expect(page).toHaveURL(pathIs('/login'));
  expect(query(page).get('next')).toBe('/settings');

  await page.goto('/');
  await expect(page).toHaveURL(pathIs('/login'));
});

test('after logging out, Back does not show a private page', async ({ page }) => {
  const user = await register(page);
  await page.goto('/settings');
  await logout(page);
  await page.goBack();
  await expect(page.getByRole('button', { name: EN.logout })).toHaveCount(0);
  await expect(page.getByText(`Signed in as ${user.name}`)).toHaveCount(0);
});

test('logging in with the right password returns to the app', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await submitLogin(page, user.email, user.password);
  await expect(page).toHaveURL(pathIs('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.welcome(user.name));
  await expect(mainNav(page).getByRole('link')).toHaveText(EN.nav);

  // Signed in, /login and /register send you home.
  await page.goto('/login');
  await expect(page).toHaveURL(pathIs('/'));
  await page.goto('/register');
  await expect(page).toHaveURL(pathIs('/'));
});

test('the email is matched case-insensitively at login', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await submitLogin(page, `  ${user.email.toUpperCase()} `, user.password);
  await expect(page).toHaveURL(pathIs('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.welcome(user.name));
});

test('/login?next=/settings lands on /settings after logging in', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await page.goto('/login?next=/settings');
  await submitLogin(page, user.email, user.password);
  await expect(page).toHaveURL(pathIs('/settings'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});

test('a private page remembers where you were going, even across a wrong password', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await page.goto('/settings');
  await expect(page).toHaveURL(pathIs('/login'));
  await submitLogin(page, user.email, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText(EN.wrongCredentials);
  expect(query(page).get('next')).toBe('/settings');

  await waitForHydration(page);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: EN.loginSubmit }).click();
  await expect(page).toHaveURL(pathIs('/settings'));
});

test('next never leaves the site', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await page.goto('/login?next=//evil.example/steal');
  await submitLogin(page, user.email, user.password);
  await expect(page).toHaveURL(pathIs('/'));
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test('a wrong password shows an alert and keeps the email', async ({ page }) => {
  const user = await register(page);
  await logout(page);

  await submitLogin(page, user.email, 'wrong-password-1');
  await expect(page).toHaveURL(pathIs('/login'));
  await expect(page.getByRole('alert')).toHaveText(EN.wrongCredentials);
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');

  // An unknown email gets the very same answer.
  await submitLogin(page, newUser().email, PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(EN.wrongCredentials);
});

test.describe('a 7-character password', () => {
  test('is stopped by the browser before it is sent', async ({ page }) => {
    const user = newUser();
    await page.goto('/register');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).pressSequentially('seven-7');
    await page.getByRole('button', { name: EN.registerSubmit }).click();
    await expect(page).toHaveURL(pathIs('/register'));
    expect(query(page).get('error')).toBeNull();
    expect(
      await page.getByLabel('Password', { exact: true }).evaluate((input: HTMLInputElement) => input.validity.valid),
    ).toBe(false);
  });

  test('is refused by the server with the translated error and creates no account', async ({ page }) => {
    const user = { ...newUser(), password: 'seven-7' };
    await page.goto('/register');
    // Skip the browser's own minlength check, as an old browser or a script would.
    await page.locator('form[action="/register"]').evaluate((form: HTMLFormElement) => (form.noValidate = true));
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByLabel('Display name', { exact: true }).fill(user.name);
    await page.getByRole('button', { name: EN.registerSubmit }).click();

    await expect(page).toHaveURL(pathIs('/register'));
    expect(query(page).get('error')).toBe('password_short');
    await expect(page.getByRole('alert')).toHaveText(EN.passwordShort);
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(user.email);
    await expect(page.getByLabel('Display name', { exact: true })).toHaveValue(user.name);

    await page.goto('/login');
    await submitLogin(page, user.email, user.password);
    await expect(page.getByRole('alert')).toHaveText(EN.wrongCredentials);
    await expect(page).toHaveURL(pathIs('/login'));
  });

  test.describe('in Hebrew', () => {
    test.use({ locale: 'he-IL' });

    test('shows the Hebrew error', async ({ page }) => {
      const user = { ...newUser(), password: 'seven-7' };
      await page.goto('/register');
      await expect(page.locator('html')).toHaveAttribute('lang', 'he');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await page.locator('form[action="/register"]').evaluate((form: HTMLFormElement) => (form.noValidate = true));
      await page.getByLabel('אימייל', { exact: true }).fill(user.email);
      await page.getByLabel('סיסמה', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: HE.registerSubmit }).click();

      await expect(page).toHaveURL(pathIs('/register'));
      await expect(page.getByRole('alert')).toHaveText(HE.passwordShort);
    });
  });
});

test.describe('from a Hebrew browser', () => {
  test.use({ locale: 'he-IL' });

  test('a new account starts in Hebrew', async ({ page }) => {
    const user = newUser();
    await page.goto('/register');
    await page.getByLabel('אימייל', { exact: true }).fill(user.email);
    await page.getByLabel('סיסמה', { exact: true }).fill(user.password);
    await page.getByLabel('שם תצוגה', { exact: true }).fill(user.name);
    await page.getByRole('button', { name: HE.registerSubmit }).click();

    await expect(page).toHaveURL(pathIs('/'));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HE.welcome(user.name));
    await expect(mainNav(page, HE.navLabel).getByRole('link')).toHaveText(HE.nav);
  });
});
