import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { resetBackend } from './backend-control';

const asset = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as {
  name: string;
  components: { id: string; name: string }[];
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const simTimeText = () => page.getByTestId('status-sim-time').innerText();

/** Standard deviation of luminance over the canvas area of a screenshot. */
function luminanceSpread(png: Buffer): { spread: number; distinct: number } {
  const image = PNG.sync.read(png);
  let sum = 0;
  let sumSq = 0;
  const seen = new Set<number>();
  const n = image.width * image.height;
  for (let i = 0; i < n; i++) {
    const r = image.data[i * 4] ?? 0;
    const g = image.data[i * 4 + 1] ?? 0;
    const b = image.data[i * 4 + 2] ?? 0;
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += y;
    sumSq += y * y;
    if (i % 7 === 0) seen.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  return { spread: Math.sqrt(sumSq / n - mean * mean), distinct: seen.size };
}

describe('Twinscape in web mode', () => {
  it('loads the pump skid and streams simulated time', async () => {
    await expect.poll(() => page.getByTestId('asset-name').innerText()).toContain(asset.name);
    await expect.poll(() => page.getByTestId('status-connection').getAttribute('data-state')).toBe('open');
    const first = await simTimeText();
    await expect.poll(simTimeText, { timeout: 15_000 }).not.toBe(first);
    await expect.poll(async () => page.getByTestId('tag-row').count()).toBe(28);
    await saveScreenshot(page, '01-loaded');
  });

  it('renders a non-blank 3D view', async () => {
    await page.waitForTimeout(1500);
    const shot = await page.getByTestId('twin-canvas').screenshot();
    const { spread, distinct } = luminanceSpread(shot);
    expect(spread).toBeGreaterThan(8);
    expect(distinct).toBeGreaterThan(200);
  });

  it('predicts on wasm rather than the software WebGPU adapter, and says why in the tooltip', async () => {
    const ml = page.getByTestId('status-ml-backend');
    await expect.poll(() => ml.getAttribute('data-backend'), { timeout: 60_000 }).toBe('wasm');
    const title = await page.locator('.status-item', { has: ml }).getAttribute('title');
    expect(title).toMatch(/webgpu: software adapter \(swiftshader\), slower than wasm/);
  });

  it('has every component of the asset in the scene', async () => {
    const inScene = await page.evaluate(() => window.__twinscape?.sceneComponents?.() ?? []);
    for (const c of asset.components) expect(inScene, `component ${c.id}`).toContain(c.id);
  });

  it('selects a component clicked in the 3D view and shows its tags', async () => {
    const point = await page.evaluate(() => window.__twinscape?.componentScreenPoint?.('motor') ?? null);
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await expect.poll(() => page.getByTestId('selection-title').innerText()).toBe('Induction motor 75 kW');
    const tagIds = await page
      .getByTestId('selection-tag')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag-id')));
    expect(tagIds).toEqual(expect.arrayContaining(['motor_speed', 'motor_current', 'winding_temp']));
    await saveScreenshot(page, '02-motor-selected');
  });

  it('turns the DE bearing toward the alarm end of the colormap after a bearing fault', async () => {
    await page.getByTestId('color-by-select').selectOption('alarm-distance');
    const before = await page.evaluate(
      () => window.__twinscape?.componentScore?.('bearing_de') ?? Number.NaN,
    );
    expect(before).toBeLessThan(0.3);
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('speed-select').selectOption('1000');
    await page.getByTestId('fault-select').selectOption('bearing_wear');
    await page.getByTestId('fault-severity').fill('0.9');
    await page.getByTestId('btn-inject-fault').click();
    await expect.poll(() => page.getByTestId('active-fault').count()).toBe(1);
    // At 1000x, 60 s of wall time is under 17 simulated hours: a severe bearing defect must show by then.
    await expect
      .poll(() => page.evaluate(() => window.__twinscape?.componentScore?.('bearing_de') ?? 0), {
        timeout: 60_000,
        interval: 500,
      })
      .toBeGreaterThanOrEqual(0.9);
    const [r, g, b] = await page.evaluate(
      () => window.__twinscape?.componentColor?.('bearing_de') ?? [0, 0, 0],
    );
    // Viridis' alarm end is yellow: strong red and green, little blue.
    expect(r + g).toBeGreaterThan(4 * b);
    await page.getByTestId('tab-live').click();
    await expect.poll(() => page.getByTestId('alarm-row').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await saveScreenshot(page, '03-bearing-fault');
  });

  it('rejects an invalid asset file with a clear error and keeps the previous asset running', async () => {
    const bad = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as {
      tags: { unit: string }[];
    };
    (bad.tags[0] as { unit: string }).unit = 'furlongs';
    await page.getByTestId('asset-file-input').setInputFiles({
      name: 'broken-asset.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect.poll(() => page.getByTestId('asset-error').innerText()).toContain('tags[0].unit');
    await expect.poll(() => page.getByTestId('asset-error').innerText()).toContain('furlongs');
    expect(await page.getByTestId('asset-name').innerText()).toContain(asset.name);
    const first = await simTimeText();
    await expect.poll(simTimeText, { timeout: 15_000 }).not.toBe(first);
    await saveScreenshot(page, '04-invalid-asset');
  });
});
