// Benchmark (not a test): frames per second of the running app in headless Chromium (software GL).
// Also: frames the 3D view drew per second at 1× live, running and paused (render on demand), and the
// quality level Auto chose.
// Usage: npm run bench:fps [-- --seconds 10 --speed 100 --width 1600 --height 900 --ml-backend wasm]
import WebSocket from 'ws';
import { launchChromium, openApp, startWebServer, withParams } from './lib/web-session.mjs';

/** Sends one simCommand over the web-mode API and waits for its result. */
async function simCommand(baseUrl, payload) {
  const url = new URL('api', baseUrl.replace(/^http/, 'ws'));
  url.search = new URL(baseUrl).search;
  const socket = new WebSocket(url, { origin: new URL(baseUrl).origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  await new Promise((resolve) => {
    socket.on('message', (data, isBinary) => {
      if (!isBinary && JSON.parse(data.toString()).kind === 'result') resolve();
    });
    socket.send(JSON.stringify({ id: 1, method: 'simCommand', payload }));
  });
  socket.close();
}

/** Frames the 3D view drew per second over `ms` (null where the app has no framesDrawn hook). */
const drawnPerSecond = (page, ms) =>
  page.evaluate(async (wait) => {
    const count = window.__twinscape?.framesDrawn;
    if (!count) return null;
    const start = count();
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, wait));
    return ((count() - start) * 1000) / (performance.now() - t0);
  }, ms);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = arg('seconds', 10);
const backendIndex = process.argv.indexOf('--ml-backend');
const mlBackend = backendIndex >= 0 ? process.argv[backendIndex + 1] : null;
const width = arg('width', 1600);
const height = arg('height', 900);
const speed = arg('speed', 100);

const server = await startWebServer(['--speed', String(speed)]);
const browser = await launchChromium();
try {
  const url = mlBackend ? withParams(server.url, { backend: mlBackend }) : server.url;
  const page = await openApp(browser, url, { width, height });
  await page.waitForTimeout(2000);
  const result = await page.evaluate(async (ms) => {
    const times = [];
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = (t) => {
        times.push(t);
        if (t - t0 < ms) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const deltas = times
      .slice(1)
      .map((t, i) => t - times[i])
      .sort((a, b) => a - b);
    const p = (q) => deltas[Math.min(deltas.length - 1, Math.floor(q * deltas.length))];
    return {
      frames: times.length,
      fps: (times.length - 1) / ((times.at(-1) - times[0]) / 1000),
      p50: p(0.5),
      p95: p(0.95),
    };
  }, seconds * 1000);
  const gl = await page.evaluate(() => {
    const c = document.createElement('canvas').getContext('webgl2');
    const ext = c?.getExtension('WEBGL_debug_renderer_info');
    return ext ? c.getParameter(ext.UNMASKED_RENDERER_WEBGL) : 'unknown';
  });
  console.log(`renderer: ${gl}`);
  const ml = await page.getByTestId('status-ml-backend').innerText();
  console.log(`sim speed: ${speed}x, viewport ${width}x${height}, ${seconds} s, ML backend: ${ml}`);
  console.log(
    `fps: ${result.fps.toFixed(1)}  frame time p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`,
  );
  console.log(`ratio to a 30 fps target: ${(result.fps / 30).toFixed(2)}`);
  const drawnAtSpeed = await drawnPerSecond(page, seconds * 1000);
  await simCommand(server.url, { kind: 'speed', speed: 1 });
  await page.waitForTimeout(1000);
  const drawnLive1x = await drawnPerSecond(page, seconds * 1000);
  await simCommand(server.url, { kind: 'pause' });
  // Let the last batch and the last (slow, software) model run reach the screen before measuring idle.
  await page.waitForTimeout(5000);
  const drawnPaused = await drawnPerSecond(page, seconds * 1000);
  const show = (v) => (v === null ? 'n/a (no framesDrawn hook)' : v.toFixed(1));
  console.log(
    `frames drawn per second: at ${speed}x ${show(drawnAtSpeed)}, 1x live running ${show(drawnLive1x)}, paused ${show(drawnPaused)}`,
  );
  const quality = await page
    .getByTestId('status-quality')
    .innerText()
    .catch(() => 'n/a');
  console.log(`quality: ${quality.replace(/\s+/g, ' ').trim()}`);
} finally {
  await browser.close();
  server.stop();
}
