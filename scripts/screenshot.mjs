// Takes the README screenshot of the running app: npm run screenshot [-- --out docs/screenshot.png]
// The story it shows: an hour of healthy running, then a pump DE bearing defect raising its alarms.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { launchChromium, openApp, startWebServer } from './lib/web-session.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : 'docs/screenshot.png';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends TwinApi calls over the web-mode WebSocket, one after the other. */
async function call(baseUrl, calls) {
  const apiUrl = new URL('api', baseUrl.replace(/^http/, 'ws'));
  apiUrl.search = new URL(baseUrl).search; // the access token the printed address carries
  const socket = new WebSocket(apiUrl, { origin: new URL(baseUrl).origin });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  for (const [id, c] of calls.entries()) {
    socket.send(JSON.stringify({ id, ...c }));
    await new Promise((resolve) =>
      socket.on('message', (data, isBinary) => {
        if (isBinary) return; // telemetry frames
        const m = JSON.parse(data.toString());
        if (m.kind === 'result' && m.id === id) resolve();
      }),
    );
  }
  socket.close();
}

const server = await startWebServer(['--speed', '1000']);
const browser = await launchChromium();
try {
  const page = await openApp(browser, server.url);
  await sleep(4000);
  await call(server.url, [
    { method: 'injectFault', payload: { faultId: 'bearing_wear', severity: 0.55, growthPerHour: 0.2 } },
  ]);
  await sleep(1500);
  await call(server.url, [{ method: 'simCommand', payload: { kind: 'speed', speed: 10 } }]);
  const point = await page.evaluate(() => window.__twinscape?.componentScreenPoint?.('bearing_de') ?? null);
  if (point) await page.mouse.click(point.x, point.y);
  await sleep(3000);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.stop();
}
