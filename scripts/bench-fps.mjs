// Benchmark (not a test): frames per second of the running app in headless Chromium (software GL).
// Usage: npm run bench:fps [-- --seconds 10 --speed 100 --width 1600 --height 900 --ml-backend wasm]
import { launchChromium, openApp, startWebServer } from './lib/web-session.mjs';

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
  const url = mlBackend ? `${server.url}?backend=${mlBackend}` : server.url;
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
} finally {
  await browser.close();
  server.stop();
}
