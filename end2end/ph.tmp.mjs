import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
for (const width of [1280, 700]) {
const p = await b.newPage({ viewport: { width, height: 720 } });
await p.goto('http://127.0.0.1:3355/login'); await p.fill('#email','demo@spotter.local'); await p.fill('#password','spotter-demo'); await p.click('button[type=submit]'); await p.waitForURL('http://127.0.0.1:3355/');
for (const path of ['/log', '/progress', '/settings', '/goals', '/plan', '/history']) {
  await p.goto('http://127.0.0.1:3355' + path);
  await p.waitForTimeout(1000);
  for (let i = 0; i < 150; i++) await p.keyboard.press('Tab');
  const hidden = [];
  for (let i = 0; i < 150; i++) {
    await p.keyboard.press('Shift+Tab');
    const r = await p.evaluate(() => {
      const el = document.activeElement; if (!el || el === document.body) return null;
      const bar = document.querySelector('.topbar').getBoundingClientRect();
      const rc = el.getBoundingClientRect();
      if (el.closest('.topbar') || el.classList.contains('skip-link')) return null;
      return rc.top < bar.bottom ? `${el.tagName}#${el.id} ${(el.textContent||el.name||'').trim().slice(0,20)} top=${rc.top|0} bar=${bar.bottom|0}` : null;
    });
    if (r) hidden.push(r);
  }
  console.log(width, path, hidden.length, hidden.slice(0, 5));
}
}
await b.close();
