// A 375 px phone: no page may scroll sideways, and the navigation stays reachable.
import type { Page } from '@playwright/test';
import { EN, HE, horizontalOverflow, mainNav, register, expect, test } from './helpers';

const WIDTH = 375;
test.use({ viewport: { width: WIDTH, height: 740 }, isMobile: false, hasTouch: true });

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, viewport } = await horizontalOverflow(page);
  expect(viewport).toBe(WIDTH);
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide in a ${WIDTH}px viewport`).toBeLessThanOrEqual(WIDTH);
}

test('login, register, home and settings fit a 375 px screen', async ({ page }) => {
  await page.goto('/login');
  await expect(mainNav(page)).toBeVisible();
  await expect(page.getByRole('button', { name: EN.loginSubmit })).toBeInViewport();
  await expectNoHorizontalOverflow(page);

  await page.goto('/register');
  await expectNoHorizontalOverflow(page);

  await register(page);
  await expect(mainNav(page)).toBeVisible();
  for (const name of EN.nav) {
    await expect(mainNav(page).getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: EN.logout })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  await page.goto('/settings');
  await expect(mainNav(page)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  // A created token's long secret must wrap, not widen the page.
  await page.getByLabel('Token name').fill('phone');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.locator('code.secret')).toBeVisible();
  await expectNoHorizontalOverflow(page);
});

test('settings in Hebrew (right-to-left) fit a 375 px screen', async ({ page }) => {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Language', { exact: true }).selectOption('he');
  await page.getByRole('button', { name: EN.save }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(mainNav(page, HE.navLabel)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.goto('/');
  await expectNoHorizontalOverflow(page);
});
