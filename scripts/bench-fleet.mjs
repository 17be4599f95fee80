// Fleet view benchmark: frames per second and the time of one fleet-wide predict call for 100, 260
// and 1,000 engines, in Debian's Chromium against the built web-mode app.
//   npm run bench:fleet [-- --data <dir>] [-- --backend wasm|webgpu] [-- --ticks 3]
// Without a GPU, --backend wasm: SwiftShader's emulated WebGPU takes seconds per tick.
// Imports <dir>/test_FD001.txt (100 engines); 260 (FD002's size) and 1,000 are synthetic copies of it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, openApp, startWebServer, withParams } from './lib/web-session.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const dataDir = path.resolve(arg('data', '../shared/data/cmapss'));
const backend = arg('backend', null);
const file = path.join(dataDir, 'test_FD001.txt');
if (!existsSync(file)) {
  console.error(`bench:fleet needs ${file} (NASA C-MAPSS); pass --data <dir>`);
  process.exit(1);
}
const FPS_SECONDS = 3;
const TICKS = Number(arg('ticks', '3'));
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const server = await startWebServer();
const browser = await launchChromium();
try {
  const page = await openApp(browser, backend ? withParams(server.url, { backend }) : server.url);
  await page.getByTestId('cmapss-file-input').setInputFiles(file);
  await page.waitForFunction(() => (window.__twinscape?.fleetUnits?.().length ?? 0) === 100, undefined, {
    timeout: 120_000,
  });
  // Let the model load and the first prediction land (or the "no model" notice appear).
  await page.waitForFunction(
    () =>
      window.__twinscape?.fleetUnits?.().every((u) => u.rul !== null) ||
      document.querySelector('[data-testid="fleet-model-problem"]') !== null,
    undefined,
    { timeout: 300_000 },
  );
  const problem = await page
    .locator('[data-testid="fleet-model-problem"]')
    .textContent()
    .catch(() => null);
  const gpu = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : 'unknown';
  });
  const rows = [];
  for (const count of [100, 260, 1000]) {
    process.stderr.write(`${count} engines…\n`);
    if (count !== 100) await page.evaluate((n) => window.__twinscape.fleetReplicate(n), count);
    await page.waitForFunction((n) => window.__twinscape?.fleetUnits?.().length === n, count);
    await page.waitForTimeout(1000);
    const fps = await page.evaluate(
      (seconds) =>
        new Promise((resolve) => {
          let frames = 0;
          const t0 = performance.now();
          const step = () => {
            frames++;
            if (performance.now() - t0 < seconds * 1000) requestAnimationFrame(step);
            else resolve((frames / (performance.now() - t0)) * 1000);
          };
          requestAnimationFrame(step);
        }),
      FPS_SECONDS,
    );
    const ticks = await page.evaluate(async (n) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push(await window.__twinscape.fleetPredictTick());
      return out;
    }, TICKS);
    const tick = median(ticks);
    rows.push({
      engines: count,
      fps: fps.toFixed(1),
      'inference ms/tick': Number.isFinite(tick) ? tick.toFixed(1) : 'n/a',
    });
  }
  const inference = await page
    .locator('[data-testid="fleet-inference"]')
    .textContent()
    .catch(() => null);
  console.log(`WebGL renderer: ${gpu}`);
  console.log(`Inference: ${inference ?? problem ?? 'no prediction'}`);
  console.table(rows);
  console.log(
    `fps: requestAnimationFrame rate over ${FPS_SECONDS} s; inference: median of ${TICKS} fleet-wide predict calls (one call per tick).`,
  );
  console.log('260 and 1,000 engines are synthetic copies of test_FD001 (FD002 test data is held back).');
  if (/swiftshader/i.test(gpu))
    console.log(
      'SwiftShader (CPU-emulated GPU): these figures show correctness, not the speed of a real GPU.',
    );
} finally {
  await browser.close();
  server.stop();
}
