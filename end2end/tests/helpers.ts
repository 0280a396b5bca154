// Shared steps for the specs. Every test creates its own user (unique email), so tests are
// independent and can run in parallel against one server and one database.
import { test as base, expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct-horse-9';

/** English UI strings the specs look for (src/domain/i18n.rs, EN). */
export const EN = {
  nav: ['Chat', 'History', 'Log', 'Progress', 'Goals', 'Plan', 'Settings'],
  navLabel: 'Main',
  logout: 'Log out',
  loginSubmit: 'Log in',
  registerSubmit: 'Create account',
  save: 'Save',
  saved: 'Settings saved.',
  wrongCredentials: 'Wrong email or password.',
  passwordShort: 'The password must be at least 8 characters.',
  deleteMismatch: 'The email does not match your account. Nothing was deleted.',
  accountDeleted: 'Your account and all its data were deleted.',
  tokenCreated: 'Copy this token now. It will not be shown again:',
  tokensNone: 'No tokens yet.',
  welcome: (name: string) => `Hi ${name}, ready to train?`,
};

/** Hebrew UI strings (src/domain/i18n.rs, HE). */
export const HE = {
  nav: ['צ\'אט', 'היסטוריה', 'תיעוד', 'התקדמות', 'יעדים', 'תוכנית', 'הגדרות'],
  navLabel: 'ראשי',
  settings: 'הגדרות',
  language: 'שפה',
  save: 'שמירה',
  saved: 'ההגדרות נשמרו.',
  registerSubmit: 'יצירת חשבון',
  passwordShort: 'הסיסמה חייבת להכיל לפחות 8 תווים.',
  welcome: (name: string) => `היי ${name}, מוכנים להתאמן?`,
};

export interface User {
  email: string;
  password: string;
  name: string;
}

let counter = 0;

/** A user nobody has registered yet. */
export function newUser(prefix = 'e2e'): User {
  const random = Math.random().toString(36).slice(2, 8);
  const id = `${Date.now()}-${process.pid}-${++counter}-${random}`;
  return {
    email: `${prefix}-${id}@example.com`,
    password: PASSWORD,
    name: `Tester ${random}`,
  };
}

/** The main navigation landmark (signed in: Chat … Settings; anonymous: Log in, Create account). */
export function mainNav(page: Page, label = EN.navLabel) {
  return page.getByRole('navigation', { name: label });
}

/** Fills and submits the registration form (English UI). Does not check the outcome. */
export async function submitRegistration(page: Page, user: User) {
  await page.goto('/register');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Display name', { exact: true }).fill(user.name);
  await page.getByRole('button', { name: EN.registerSubmit }).click();
}

/** Registers a fresh user through the form and waits for the home page. */
export async function register(page: Page, user: User = newUser()): Promise<User> {
  await submitRegistration(page, user);
  await expect(page).toHaveURL(pathIs('/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.welcome(user.name));
  await waitForHydration(page);
  return user;
}

/** Fills and submits the login form on the current page (which must be /login). */
export async function submitLogin(page: Page, email: string, password: string) {
  await waitForHydration(page);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: EN.loginSubmit }).click();
}

export async function logout(page: Page) {
  await waitForHydration(page);
  await page.getByRole('button', { name: EN.logout }).click();
  await expect(page).toHaveURL(pathIs('/login'));
  await waitForHydration(page);
}

/** A matcher for `toHaveURL` on the path alone (any query string or fragment allowed). */
export function pathIs(path: string): (url: URL) => boolean {
  return (url: URL) => url.pathname === path;
}

/** The page's query parameters, for checking what a form handler redirected to. */
export function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/**
 * Waits until the Leptos client has hydrated the page: its router has attached the `click` and
 * `popstate` listeners on `window` that route links on the client (seen through Chromium's
 * DevTools protocol, without touching the page). Returns at once when JavaScript is off.
 */
export async function waitForHydration(page: Page) {
  if (!test.info().project.use.javaScriptEnabled) return;
  const cdp = await page.context().newCDPSession(page);
  try {
    await expect
      .poll(
        async () => {
          const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
          const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
          return listeners.map((l) => l.type).sort();
        },
        { message: `${page.url()} never hydrated (no router listeners on window)`, intervals: [50, 100, 250, 500] },
      )
      .toEqual(expect.arrayContaining(['click', 'popstate']));
  } finally {
    await cdp.detach();
  }
}

/**
 * The specs' `test`: with JavaScript on, `page.goto` and `page.reload` return only once the page
 * has hydrated, so the `hydrated` project exercises the hydrated pages rather than racing the
 * client. (After a form post, helpers call `waitForHydration` before typing into the new page.)
 */
export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args: Parameters<Page['goto']>) => {
        const response = await goto(...args);
        await waitForHydration(page);
        return response;
      };
      page.reload = async (...args: Parameters<Page['reload']>) => {
        const response = await reload(...args);
        await waitForHydration(page);
        return response;
      };
    }
    await use(page);
  },
});

export { expect };

/** Whether the page overflows horizontally (the document is wider than the viewport). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
}
