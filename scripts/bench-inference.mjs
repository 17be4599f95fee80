// Benchmark (not a test) of live inference in Chromium:
//   npm run bench:inference [-- --backends webgpu,wasm,cpu] [--repeats 3] [--per-component-max 10]
// Per backend: latency of one batched health-model call per tick for 1, 10 and 100 assets, the ratio of
// that call to per-component calls (one call per scored component per asset, batch 1), and the scene's
// frames per second while the app predicts on that backend. Uses models/pump-skid/health, or the untrained
// stand-in in tests/fixtures/models/pump-health-standin when the trained model is absent.
import { existsSync, readFileSync } from 'node:fs';
import { launchChromium, startWebServer, withParams } from './lib/web-session.mjs';

const arg = process.argv.indexOf('--backends');
const BACKENDS = (arg > 0 ? process.argv[arg + 1] : 'webgpu,webgl,wasm,cpu').split(',');
const ASSETS = [1, 10, 100];
const COMPONENTS = 6; // anomaly outputs per asset (core/ml/pump/spec ANOMALY_COMPONENTS)
const rep = process.argv.indexOf('--repeats');
const REPEATS = rep > 0 ? Number(process.argv[rep + 1]) : 3;
// Per-component calls only up to this many assets: 600 batch-1 calls per tick take minutes in software.
const pc = process.argv.indexOf('--per-component-max');
const PER_COMPONENT_MAX = pc > 0 ? Number(process.argv[pc + 1]) : 10;
const real = existsSync('models/pump-skid/health/model.json');
const standIn = 'tests/fixtures/models/pump-health-standin/';

const { url, stop } = await startWebServer(['--speed', '10']);
const browser = await launchChromium();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stop();
    process.exit(1);
  });
console.log(`model: ${real ? 'models/pump-skid/health' : `${standIn} (untrained stand-in)`}`);
console.log('backend  adapter        assets  batched ms/tick  per-component ms  ratio  fps');
try {
  for (const backend of BACKENDS) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    if (!real)
      await context.route('**/models/pump-skid/health/*', (route) =>
        route.fulfill({
          body: readFileSync(standIn + new URL(route.request().url()).pathname.split('/').pop()),
        }),
      );
    const page = await context.newPage();
    await page.goto(withParams(url, { backend }));
    await page.waitForFunction(() => window.__twinscape?.inference?.state().status === 'running', undefined, {
      timeout: 180_000,
    });
    const info = await page.evaluate(() => window.__twinscape.inference.client.ready());
    if (info.backend !== backend) {
      console.log(`${backend.padEnd(8)} skipped: ${info.fallbackReason ?? `ran on ${info.backend}`}`);
      await context.close();
      continue;
    }
    const modelUrl = new URL('models/pump-skid/health/model.json', url).href;
    const rows = await page.evaluate(
      async ({ modelUrl, assets, components, repeats, perComponentMax }) => {
        const client = window.__twinscape.inference.client;
        const shapes = await client.loadModel('bench', modelUrl);
        const [, steps, channels] = shapes.inputShapes[0];
        const input = (n) => [
          { data: new Float32Array(n * steps * channels).fill(0.1), shape: [n, steps, channels] },
        ];
        const time = async (fn) => {
          await fn(); // warm-up: shader compilation, buffer pools
          const t0 = performance.now();
          for (let r = 0; r < repeats; r++) await fn();
          return (performance.now() - t0) / repeats;
        };
        const out = [];
        for (const n of assets) {
          const batched = await time(() => client.predict('bench', input(n)));
          const perComponent =
            n <= perComponentMax
              ? await time(async () => {
                  for (let k = 0; k < n * components; k++) await client.predict('bench', input(1));
                })
              : Number.NaN;
          out.push({ n, batched, perComponent });
        }
        await client.unloadModel('bench');
        return out;
      },
      {
        modelUrl,
        assets: ASSETS,
        components: COMPONENTS,
        repeats: REPEATS,
        perComponentMax: PER_COMPONENT_MAX,
      },
    );
    // Frames per second of the scene while the app's own loop predicts and colors by prediction.
    await page.getByTestId('color-by-select').selectOption('prediction');
    const fps = await page.evaluate(
      () =>
        new Promise((resolve) => {
          let frames = 0;
          const t0 = performance.now();
          const step = () => {
            frames++;
            if (performance.now() - t0 < 5000) requestAnimationFrame(step);
            else resolve((frames * 1000) / (performance.now() - t0));
          };
          requestAnimationFrame(step);
        }),
    );
    for (const r of rows)
      console.log(
        `${backend.padEnd(8)} ${info.adapter.padEnd(14)} ${String(r.n).padStart(6)}  ${r.batched.toFixed(1).padStart(15)}  ` +
          `${Number.isFinite(r.perComponent) ? r.perComponent.toFixed(1).padStart(16) : '               —'}  ` +
          `${Number.isFinite(r.perComponent) ? (r.perComponent / r.batched).toFixed(1).padStart(5) : '    —'}  ${fps.toFixed(1)}`,
      );
    await context.close();
  }
} finally {
  await browser.close();
  stop();
}
