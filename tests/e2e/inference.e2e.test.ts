/**
 * Live inference in headless Chromium (WebGPU on SwiftShader): the health model loads, WebGPU matches the
 * cpu backend at the batch edges, the status bar says "webgpu", and a destroyed device falls back while the
 * twin keeps being colored. Uses the committed models/pump-skid/health when present, else an untrained
 * stand-in with the same architecture, served in its place.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pumpHealthStandIn } from '../renderer/inference-fixture';
import { appUrl, launchBrowser, saveScreenshot } from './browser';
import { callBackend, resetBackend } from './backend-control';

/** INFERENCE_E2E_STANDIN=1 forces the stand-in, e.g. while the committed model trails a pipeline change. */
const REAL_MODEL = existsSync('models/pump-skid/health/model.json') && !process.env.INFERENCE_E2E_STANDIN;
/** Largest batch the app sends: the plant row plus one occluded row per pump tag (28). */
const APP_MAX_ROWS = 29;
/** |webgpu − cpu| allowed on any output (float32; probabilities and log-hours are all O(1)). */
const TOLERANCE = 1e-3;

let browser: Browser;
let context: BrowserContext;
let page: Page;

type Hooks = NonNullable<Window['__twinscape']>;
const predictionState = () =>
  page.evaluate(() => {
    const s = (window.__twinscape as Hooks).inference!.state();
    return {
      status: s.status,
      backend: s.backend,
      ticks: s.ticks,
      components: s.components,
      anomaly: s.anomaly ? [...s.anomaly] : null,
    };
  });

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  if (!REAL_MODEL) {
    const standIn = await pumpHealthStandIn(); // built from the current core/ml/pump code
    const files: Record<string, string | Uint8Array> = {
      'model.json': standIn.modelJson,
      'weights.bin': standIn.weightsBin,
      'model-card.json': standIn.card,
    };
    await context.route('**/models/pump-skid/health/*', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const body = files[name];
      return body === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ body: Buffer.from(body) });
    });
  }
  page = await context.newPage();
  // WebGPU by name: the app passes over a software adapter (SwiftShader here) unless asked for it.
  await page.goto(appUrl(inject('baseUrl'), { backend: 'webgpu' }));
  await page.getByTestId('app-root').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 60_000,
  });
});

afterAll(async () => {
  await browser?.close();
});

describe(`live inference (${REAL_MODEL ? 'committed model' : 'untrained stand-in: models/pump-skid/health absent'})`, () => {
  it('loads the health model and reports webgpu · swiftshader in the status bar', async () => {
    await page.waitForFunction(
      () => ['running', 'warming-up'].includes(window.__twinscape?.inference?.state().status ?? ''),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const status = page.getByTestId('status-ml-backend');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 30_000 }).toBe('webgpu');
    expect(await status.innerText()).toMatch(/^webgpu · swiftshader$/);
  });

  it('gives the cpu backend’s results on WebGPU at batch 1, 131, 132 and the app’s largest', async () => {
    const url = new URL('models/pump-skid/health/model.json', inject('baseUrl')).href;
    const diffs = await page.evaluate(
      async ({ url, sizes }) => {
        const hooks = (window.__twinscape as Hooks).inference!;
        const gpu = hooks.client;
        const cpu = hooks.createClient('cpu');
        const cpuInfo = await cpu.ready();
        const shapes = await gpu.loadModel('compare', url);
        await cpu.loadModel('compare', url);
        // Every input of the model (the window, and the long baseline of the current health model).
        const dims = shapes.inputShapes.map((s) => s.slice(1) as number[]);
        const out: { rows: number; cpuBackend: string; worst: number; lastRowNonZero: boolean }[] = [];
        let seed = 12345;
        for (const rows of sizes) {
          const inputs = dims.map((d) => {
            const data = new Float32Array(rows * d.reduce((x, y) => x * y, 1));
            for (let i = 0; i < data.length; i++) {
              seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
              data[i] = (seed / 2 ** 32) * 4 - 2;
            }
            return { data, shape: [rows, ...d] };
          });
          const copy = () => inputs.map((t) => ({ data: t.data.slice(), shape: t.shape }));
          const a = await gpu.predict('compare', copy());
          const b = await cpu.predict('compare', copy());
          let worst = 0;
          a.forEach((t, k) => {
            for (let i = 0; i < t.data.length; i++)
              worst = Math.max(worst, Math.abs(t.data[i]! - b[k]!.data[i]!));
          });
          const fault = a[1]!;
          const width = fault.shape[1]!;
          const last = fault.data.subarray((rows - 1) * width);
          out.push({ rows, cpuBackend: cpuInfo.backend, worst, lastRowNonZero: last.some((v) => v !== 0) });
        }
        await gpu.unloadModel('compare');
        cpu.dispose();
        return out;
      },
      { url, sizes: [1, 131, 132, APP_MAX_ROWS] },
    );
    for (const d of diffs) {
      expect(d.cpuBackend).toBe('cpu');
      expect(d.worst, `batch ${d.rows}`).toBeLessThan(TOLERANCE);
      // Softmax rows sum to 1: an all-zero last row is the tfjs #6507 failure.
      expect(d.lastRowNonZero, `batch ${d.rows}`).toBe(true);
    }
  });

  it('runs the turbofan RUL ensemble (its MaskedTrend layer) on WebGPU as on cpu, padded windows included', async () => {
    const url = new URL('models/turbofan/FD001/model.json', inject('baseUrl')).href;
    const result = await page.evaluate(
      async ({ url, rows }) => {
        const hooks = (window.__twinscape as Hooks).inference!;
        const cpu = hooks.createClient('cpu');
        const shapes = await hooks.client.loadModel('rul', url);
        await cpu.loadModel('rul', url);
        const [, steps, channels] = shapes.inputShapes[0] as [null, number, number];
        const data = new Float32Array(rows * steps * channels);
        let seed = 777;
        for (let n = 0; n < rows; n++)
          for (let t = 0; t < steps; t++)
            for (let c = 0; c < channels; c++) {
              seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
              // The last channel marks real rows; every other engine has a short, padded history.
              data[(n * steps + t) * channels + c] =
                c === channels - 1 ? (n % 2 === 1 && t < steps - 20 ? 0 : 1) : (seed / 2 ** 32) * 2 - 1;
            }
        const [a] = await hooks.client.predict('rul', [
          { data: data.slice(), shape: [rows, steps, channels] },
        ]);
        const [b] = await cpu.predict('rul', [{ data: data.slice(), shape: [rows, steps, channels] }]);
        let worst = 0;
        for (let i = 0; i < a!.data.length; i++) worst = Math.max(worst, Math.abs(a!.data[i]! - b!.data[i]!));
        await hooks.client.unloadModel('rul');
        cpu.dispose();
        return { worst, finite: Array.from(a!.data).every(Number.isFinite), outputs: a!.shape };
      },
      { url, rows: 260 },
    );
    expect(result.outputs).toEqual([260, 3]);
    expect(result.finite).toBe(true);
    expect(result.worst).toBeLessThan(TOLERANCE);
  });

  it('colors the parts by anomaly probability from the model', async () => {
    // The model waits for half its 48-minute window of history: run fast until it has it.
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'speed', speed: 1000 } }]);
    await expect.poll(async () => (await predictionState()).status, { timeout: 60_000 }).toBe('running');
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'speed', speed: 10 } }]);
    await page.getByTestId('color-by-select').selectOption('prediction');
    const first = (await predictionState()).ticks;
    await expect
      .poll(async () => (await predictionState()).ticks, { timeout: 60_000 })
      .toBeGreaterThan(first + 1);
    await expectScoresFollowPredictions();
    await saveScreenshot(page, 'inference-prediction-colors');
  });

  it('falls back from a destroyed WebGPU device, says so, and keeps coloring', async () => {
    const lost = await page.evaluate(() => (window.__twinscape as Hooks).inference!.client.loseDevice());
    expect(lost).toBe(true);
    const status = page.getByTestId('status-ml-backend');
    await expect.poll(() => status.getAttribute('data-backend'), { timeout: 60_000 }).not.toBe('webgpu');
    expect(['webgl', 'wasm', 'cpu']).toContain(await status.getAttribute('data-backend'));
    await expect(
      page
        .getByTestId('notice')
        .filter({ hasText: /moved from webgpu/ })
        .count(),
    ).resolves.toBeGreaterThan(0);
    const after = (await predictionState()).ticks;
    await expect
      .poll(async () => (await predictionState()).ticks, { timeout: 60_000 })
      .toBeGreaterThan(after + 1);
    await expectScoresFollowPredictions();
    await saveScreenshot(page, 'inference-after-device-loss');
  });
});

/** Every scored part's color score is the model's latest anomaly probability (a tick may land in between). */
async function expectScoresFollowPredictions(): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await predictionState();
        const scores = await page.evaluate(
          (ids) => ids.map((id) => (window.__twinscape as Hooks).componentScore?.(id) ?? Number.NaN),
          s.components,
        );
        return s.components.every((id, i) => {
          const p = s.anomaly?.[i];
          const expected = p === null || p === undefined || !Number.isFinite(p) ? 0 : p;
          return Math.abs((scores[i] ?? Number.NaN) - expected) < 1e-6;
        });
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}
