// Benchmarks in a browser (`scripts/bench.sh dom`), kept out of the test run: one worker,
// JavaScript on, Debian's Chromium as in the tests.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '*.bench.ts',
  workers: 1,
  fullyParallel: false,
  projects: [{ name: 'bench', use: { javaScriptEnabled: true } }],
});
