// Playwright end-to-end tests for Spotter, run by `scripts/test.sh e2e` against a served build:
//   cd end2end && SPOTTER_URL=http://127.0.0.1:PORT ./node_modules/.bin/playwright test
// Every spec runs twice: `ssr` (JavaScript off: server-rendered HTML and plain form posts only)
// and `hydrated` (JavaScript on: the Leptos client takes over); `*.ssr.spec.ts` and
// `*.hydrated.spec.ts` run in that project only. Debian's Chromium is used;
// Playwright never downloads a browser here.
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.SPOTTER_URL;
if (!baseURL) {
  throw new Error(
    'SPOTTER_URL is not set. Start the server and run e.g.\n' +
      '  SPOTTER_URL=http://127.0.0.1:3210 ./node_modules/.bin/playwright test\n' +
      'or run the whole thing with scripts/test.sh e2e from the repository root.',
  );
}

const chromium = {
  executablePath: process.env.SPOTTER_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  reporter: 'list',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  fullyParallel: true,
  // A 2-core machine that may be compiling Rust at the same time: generous, not unbounded.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    browserName: 'chromium',
    launchOptions: chromium,
    locale: 'en-US',
    timezoneId: 'Europe/Lisbon',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'ssr',
      testIgnore: /\.hydrated\.spec\.ts$/,
      use: { javaScriptEnabled: false },
    },
    {
      name: 'hydrated',
      testIgnore: /\.ssr\.spec\.ts$/,
      use: { javaScriptEnabled: true },
    },
    // Screenshots for a human to look at (not assertions), only on request:
    //   SPOTTER_SHOTS=/tmp/e2e-shots SPOTTER_URL=… ./node_modules/.bin/playwright test --project=screenshots
    ...(process.env.SPOTTER_SHOTS
      ? [{ name: 'screenshots', testDir: './shots', use: { javaScriptEnabled: true } }]
      : []),
  ],
});
