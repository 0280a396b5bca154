// Deleting the account through the plain HTML form, with JavaScript off (project `ssr` only:
// the hydrated page posts the very same form).
import { EN, pathIs, query, register, submitLogin, expect, test } from './helpers';

test.describe('deleting the account', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'the plain-form round trip is what is tested here');

  test('a wrong email deletes nothing; the right one deletes the account', async ({ page }) => {
    const user = await register(page);
    await page.goto('/settings');

    await page.getByLabel('Your email', { exact: true }).fill(`not-${user.email}`);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(pathIs('/settings'));
    expect(query(page).get('error')).toBe('delete_confirm');
    await expect(page.getByRole('alert')).toHaveText(EN.deleteMismatch);

    // Still signed in, the account still works.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(EN.welcome(user.name));

    await page.goto('/settings');
    await page.getByLabel('Your email', { exact: true }).fill(user.email.toUpperCase());
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page).toHaveURL(pathIs('/login'));
    expect(query(page).get('deleted')).toBe('1');
    await expect(page.getByRole('status')).toHaveText(EN.accountDeleted);
    await expect(page.getByRole('button', { name: EN.logout })).toHaveCount(0);

    // Signed out, and the account is gone.
    await page.goto('/settings');
    await expect(page).toHaveURL(pathIs('/login'));
    await submitLogin(page, user.email, user.password);
    await expect(page.getByRole('alert')).toHaveText(EN.wrongCredentials);
    await expect(page).toHaveURL(pathIs('/login'));
  });
});
