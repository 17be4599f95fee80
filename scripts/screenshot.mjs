// Takes the README screenshot of the running app: npm run screenshot [-- --out docs/screenshot.png]
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, openApp, startWebServer } from './lib/web-session.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : 'docs/screenshot.png';
const server = await startWebServer(['--speed', '100']);
const browser = await launchChromium();
try {
  const page = await openApp(browser, server.url);
  await page.waitForTimeout(4000);
  const point = await page.evaluate(() => window.__twinscape?.componentScreenPoint('pump') ?? null);
  if (point) await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(2500);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.stop();
}
