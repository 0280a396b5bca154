// The client's files as a browser gets them: pages name the wasm and its bindings by content
// hash, those come compressed and cached for good (a repeat visit asks for nothing), and the
// page hydrates from them.
import { expect } from '@playwright/test';
import { test } from './helpers';

test('the client comes under hashed names, compressed and immutable', async ({ page, request }) => {
  const html = await (await request.get('/login')).text();
  const js = html.match(/\/pkg\/spotter\.[0-9a-f]{16}\.js/)?.[0];
  const wasm = html.match(/\/pkg\/spotter\.[0-9a-f]{16}\.wasm/)?.[0];
  expect(js, 'the page names the bindings by hash').toBeTruthy();
  expect(wasm, 'the page names the wasm by hash').toBeTruthy();
  for (const path of [js!, wasm!]) {
    const res = await request.get(path, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-encoding']).toBe('br');
    expect(res.headers()['cache-control']).toContain('immutable');
  }
  const page_ = await request.get('/login', { headers: { 'accept-encoding': 'gzip' } });
  expect(page_.headers()['content-encoding']).toBe('gzip');
  expect(page_.headers()['cache-control']).toBe('no-store');
});
