// Light and dark follow the system setting (prefers-color-scheme), without JavaScript.
import type { Page } from '@playwright/test';
import { expect, register, test } from './helpers';

/** Relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

async function colors(page: Page) {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return { background: body.backgroundColor, text: body.color };
  });
}

test('the dark scheme gives a dark page and the light scheme a light one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/login');
  const light = await colors(page);

  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colors(page);

  expect(dark.background).not.toBe(light.background);
  expect(luminance(light.background)).toBeGreaterThan(0.7);
  expect(luminance(dark.background)).toBeLessThan(0.1);
  // Text stays readable in both: strong contrast against its background.
  expect(luminance(light.text)).toBeLessThan(0.1);
  expect(luminance(dark.text)).toBeGreaterThan(0.7);
});

test.describe('a browser that prefers dark', () => {
  test.use({ colorScheme: 'dark' });

  test('gets the dark background from the first paint', async ({ page }) => {
    await page.goto('/login');
    const { background } = await colors(page);
    expect(luminance(background)).toBeLessThan(0.1);
  });
});

/**
 * Text on /settings (with an error and a confirmation showing) whose contrast against the
 * background behind it is under WCAG AA's 4.5:1, as "ratio element text".
 */
async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
    const parse = (c: string): Rgba => {
      const m = (c.match(/[\d.]+/g) ?? []).map(Number);
      return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 };
    };
    const lum = ({ r, g, b }: Rgba) => {
      const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): Rgba => {
      for (; el; el = el.parentElement) {
        const c = parse(getComputedStyle(el).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor);
    };
    const selector = 'h1, h2, h3, label, a, button, .notice, .hint, .muted, .badge, .whoami, code, input, select, small, p, strong';
    const low: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.getClientRects().length || !(el.textContent ?? '').trim() && !(el instanceof HTMLInputElement)) continue;
      const [a, b] = [lum(parse(getComputedStyle(el).color)), lum(background(el))].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      if (ratio < 4.5) low.push(`${ratio.toFixed(2)} ${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    return low;
  });
}

async function settingsWithNotices(page: Page) {
  await register(page);
  await page.goto('/settings');
  await page.getByLabel('Token name').fill('contrast');
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.goto('/settings?error=generic&saved=1');
}

test.describe('text contrast (WCAG AA, 4.5:1)', () => {
  test.describe('light', () => {
    test.use({ colorScheme: 'light' });
    test('every text on the settings page is readable', async ({ page }) => {
      await settingsWithNotices(page);
      expect(await lowContrastText(page)).toEqual([]);
    });
  });

  test.describe('dark', () => {
    test.use({ colorScheme: 'dark' });
    test('every text on the settings page is readable', async ({ page }) => {
      await settingsWithNotices(page);
      expect(await lowContrastText(page)).toEqual([]);
    });
  });
});
