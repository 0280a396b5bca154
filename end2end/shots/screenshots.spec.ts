// Not a test: takes screenshots for a human to look at. Runs only when SPOTTER_SHOTS names a
// directory, e.g. SPOTTER_SHOTS=/tmp/e2e-shots SPOTTER_URL=… playwright test --project=screenshots
import { expect, test, type Browser } from '@playwright/test';
import { newUser, register } from '../tests/helpers';

const dir = process.env.SPOTTER_SHOTS ?? '/tmp/e2e-shots';
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } } as const;

async function shoot(browser: Browser, size: keyof typeof sizes, scheme: 'light' | 'dark', language: 'en' | 'he') {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    viewport: sizes[size],
    colorScheme: scheme,
    locale: language === 'he' ? 'he-IL' : 'en-US',
  });
  const page = await context.newPage();
  const tag = `${size}-${language}-${scheme}`;
  await page.goto('/login?error=invalid_credentials&email=someone%40example.com');
  await page.screenshot({ path: `${dir}/login-${tag}.png`, fullPage: true });
  await page.goto('/register');
  await page.screenshot({ path: `${dir}/register-${tag}.png`, fullPage: true });

  const user = newUser('shot');
  if (language === 'he') {
    await page.goto('/register');
    await page.locator('#email').fill(user.email);
    await page.locator('#password').fill(user.password);
    await page.locator('#display_name').fill('דנה');
    await page.locator('form[action="/register"] button[type=submit]').click();
    await expect(page).toHaveURL((u) => u.pathname === '/');
  } else {
    await register(page, user);
  }
  await page.screenshot({ path: `${dir}/home-${tag}.png`, fullPage: true });
  await page.goto('/settings');
  await page.locator('#token_name').fill('laptop script');
  await page.locator('form[action="/settings/tokens"] button').click();
  await page.locator('#token_name').fill('phone');
  await page.locator('form[action="/settings/tokens"] button').click();
  await expect(page.locator('code.secret')).toBeVisible();
  await page.screenshot({ path: `${dir}/settings-${tag}.png`, fullPage: true });
  await page.goto('/settings?error=delete_confirm#data');
  await page.screenshot({ path: `${dir}/settings-error-${tag}.png`, fullPage: false });
  await page.goto('/nowhere');
  await page.screenshot({ path: `${dir}/notfound-${tag}.png`, fullPage: true });
  await context.close();
}

for (const size of ['desktop', 'phone'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const language of ['en', 'he'] as const) {
      test(`${size} ${language} ${scheme}`, async ({ browser }) => {
        await shoot(browser, size, scheme, language);
      });
    }
  }
}
