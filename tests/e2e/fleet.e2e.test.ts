import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appUrl, launchBrowser, openApp, saveScreenshot } from './browser';
import { resetBackend } from './backend-control';

const DATA = path.resolve('../shared/data/cmapss/test_FD001.txt');
const HAVE_DATA = existsSync(DATA);
const HAVE_MODEL = existsSync('models/turbofan/FD001/model.json');
/** NASA's largest file (10.4 MB): more than one WebSocket message holds, so it travels in chunks. */
const LARGE = path.resolve('../shared/data/cmapss/train_FD004.txt');
if (!HAVE_DATA) console.warn(`skipping the fleet e2e test: ${DATA} is absent (NASA C-MAPSS data)`);

type Unit = { unit: number; rul: number | null; rulStd: number | null };
type Rgb = [number, number, number];
/** A part in its own muted paint (no value in this coloring): equal channels, unlike viridis. */
const isGrey = ([r, g, b]: Rgb) => Math.abs(r - g) < 0.03 && Math.abs(g - b) < 0.03;
const engineColors = (page: Page) =>
  page.evaluate(() => window.__twinscape?.fleetEngineColors?.() ?? {}) as Promise<Record<string, Rgb>>;
const coloredParts = async (page: Page) =>
  Object.entries(await engineColors(page))
    .filter(([, c]) => !isGrey(c))
    .map(([id]) => id)
    .sort();
const fleetUnits = (page: Page) =>
  page.evaluate(() => window.__twinscape?.fleetUnits?.() ?? []) as Promise<Unit[]>;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  if (!HAVE_DATA) return;
  browser = await launchBrowser();
  // The wasm backend: SwiftShader's emulated WebGPU takes seconds per fleet tick on a CPU runner.
  page = await openApp(browser, appUrl(inject('baseUrl'), { backend: 'wasm' }));
});

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!HAVE_DATA)('fleet view with NASA C-MAPSS FD001', () => {
  it('imports test_FD001.txt and shows its 100 engines in 3D', async () => {
    await page.getByTestId('cmapss-file-input').setInputFiles(DATA);
    await page.getByTestId('fleet-view').waitFor();
    await expect.poll(async () => (await fleetUnits(page)).length, { timeout: 60_000 }).toBe(100);
    await expect.poll(() => page.getByTestId('fleet-count').innerText()).toBe('100 of 100 engines');
    await expect
      .poll(() => page.getByTestId('fleet-status').innerText())
      .toContain('100 engines, 13096 cycles');
    if (HAVE_MODEL)
      await expect
        .poll(async () => (await fleetUnits(page)).every((u) => u.rul !== null), { timeout: 90_000 })
        .toBe(true);
    else
      await expect
        .poll(() => page.getByTestId('fleet-model-problem').innerText())
        .toContain('no model for FD001');
    await saveScreenshot(page, 'fleet-01-imported');
  });

  it('sorts by remaining life and filters by it', async () => {
    await page.getByTestId('fleet-sort').selectOption('unit');
    await expect.poll(async () => (await fleetUnits(page)).slice(0, 3).map((u) => u.unit)).toEqual([1, 2, 3]);
    await page.getByTestId('fleet-sort').selectOption('rul');
    const units = await fleetUnits(page);
    if (HAVE_MODEL) {
      const ruls = units.map((u) => u.rul!);
      expect(ruls).toEqual([...ruls].sort((a, b) => a - b));
      const below = Math.ceil(ruls[49]!);
      await page.getByTestId('fleet-rul-below').fill(String(below));
      await expect
        .poll(async () => (await fleetUnits(page)).every((u) => u.rul !== null && u.rul < below))
        .toBe(true);
      expect((await fleetUnits(page)).length).toBeLessThan(100);
      await page.getByTestId('fleet-rul-below').fill('');
      await expect.poll(async () => (await fleetUnits(page)).length).toBe(100);
    } else {
      // Without predictions every engine ties, and ties keep unit order.
      expect(units.slice(0, 3).map((u) => u.unit)).toEqual([1, 2, 3]);
      await page.getByTestId('fleet-sort').selectOption('anomaly');
    }
  });

  it('opens the worst engine from the 3D view and shows its remaining-life chart', async () => {
    const worst = (await fleetUnits(page))[0]!;
    let point: { x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          point = await page.evaluate(
            (u) => window.__twinscape?.fleetUnitScreenPoint?.(u) ?? null,
            worst.unit,
          );
          return point !== null;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.mouse.move(point!.x, point!.y);
    await expect
      .poll(() => page.getByTestId('fleet-tooltip').innerText())
      .toContain(`Engine ${worst.unit} ·`);
    const detail = page.getByTestId('fleet-detail');
    // A click opens the engine under the pointer; a fleet tick may re-sort the hangar between the hover
    // and the click, so click again at the engine's new point until it is the one opened.
    const wanted = `Engine ${worst.unit}`;
    const opened = async () => ((await detail.isVisible()) ? detail.locator('h2').innerText() : null);
    await expect
      .poll(
        async () => {
          if ((await opened()) === wanted) return wanted;
          const at = await page.evaluate(
            (u) => window.__twinscape?.fleetUnitScreenPoint?.(u) ?? null,
            worst.unit,
          );
          if (at) await page.mouse.click(at.x, at.y);
          return opened();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(wanted);
    if (HAVE_MODEL) {
      await page.getByTestId('fleet-rul-chart').locator('canvas').waitFor({ timeout: 90_000 });
      await expect
        .poll(() => page.getByTestId('fleet-drivers').locator('li').count(), { timeout: 90_000 })
        .toBeGreaterThan(0);
      expect(await page.getByTestId('fleet-detail-rul').innerText()).toMatch(/^\d+ ± \d+ cycles$/);
    } else {
      await expect
        .poll(() => page.getByTestId('fleet-no-model').innerText(), { timeout: 30_000 })
        .toContain('no model for FD001');
    }
    await page.getByTestId('fleet-sensor-chart').locator('canvas').waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'fleet-02-engine');
  });

  it('shows the opened engine in 3D with its parts colored by deviation, sensor or RUL', async () => {
    await page.getByTestId('fleet-engine-view').waitFor();
    await expect.poll(async () => Object.keys(await engineColors(page)).length, { timeout: 30_000 }).toBe(8);
    // Health deviation: the worst engine's parts with informative sensors light up; the nozzle (epr is
    // constant in C-MAPSS) has none and keeps its grey paint.
    await expect.poll(() => coloredParts(page), { timeout: 30_000 }).toContain('hpc');
    expect(await coloredParts(page)).not.toContain('nozzle');
    expect((await coloredParts(page)).length).toBeGreaterThanOrEqual(5);
    const byDeviation = await engineColors(page);

    await page.getByTestId('fleet-engine-color').selectOption('sensor');
    await page.getByTestId('fleet-engine-sensor').selectOption('4'); // T50, at the LPT outlet
    await expect.poll(() => coloredParts(page)).toEqual(['lpt']);
    await expect
      .poll(() => page.getByTestId('fleet-engine-legend').innerText())
      .toContain('T50 Total temperature at LPT outlet');

    await page.getByTestId('fleet-engine-color').selectOption('rul');
    if (HAVE_MODEL) {
      await expect.poll(async () => (await coloredParts(page)).length).toBe(8);
      const byRul = await engineColors(page);
      expect(new Set(Object.values(byRul).map((c) => c.join()))).toHaveProperty('size', 1);
      expect(byRul.hpc).not.toEqual(byDeviation.hpc);
    } else await expect.poll(() => coloredParts(page)).toEqual([]);

    await page.getByTestId('fleet-engine-color').selectOption('deviation');
    let hpc: { x: number; y: number } | null = null;
    await expect
      .poll(async () => {
        hpc = await page.evaluate(() => window.__twinscape?.fleetEngineComponentPoint?.('hpc') ?? null);
        return hpc !== null;
      })
      .toBe(true);
    await page.mouse.move(hpc!.x, hpc!.y);
    const tip = page.getByTestId('fleet-engine-tooltip');
    await expect.poll(() => tip.innerText()).toContain('High-pressure compressor');
    // Visible, not only filled in (its fade-in runs at the page's frame rate, slow on SwiftShader).
    await expect
      .poll(() => tip.evaluate((el) => getComputedStyle(el).opacity), { timeout: 30_000 })
      .toBe('1');
    expect(await tip.innerText()).toMatch(/T30\s+\d+\.\d+\s+°R\s+[+−]\d+\.\d σ/);
    await saveScreenshot(page, 'fleet-03-engine-3d');
  });

  it.skipIf(!existsSync(LARGE))('imports train_FD004.txt, larger than one WebSocket message', async () => {
    await page.getByTestId('cmapss-file-input').setInputFiles(LARGE);
    await expect.poll(async () => (await fleetUnits(page)).length, { timeout: 120_000 }).toBe(249);
    await expect
      .poll(() => page.getByTestId('fleet-status').innerText(), { timeout: 60_000 })
      .toContain('train_FD004.txt: 249 engines, 61249 cycles');
    expect(await page.getByTestId('fleet-subset').inputValue()).toBe('FD004');
  });

  it('brings the imported fleets back after a reload: the backend keeps them in fleets.duckdb', async () => {
    await page.reload();
    await page.getByTestId('app-root').waitFor();
    await page.getByTestId('btn-fleet').click();
    const latest = existsSync(LARGE) ? 'train_FD004.txt: 249 engines' : 'test_FD001.txt: 100 engines';
    await expect
      .poll(() => page.getByTestId('fleet-status').innerText(), { timeout: 120_000 })
      .toMatch(new RegExp(`${latest}.* · kept in fleets\\.duckdb`));
    const imported = await page
      .getByTestId('fleet-subset')
      .evaluate((el) =>
        [...(el as HTMLSelectElement).options].filter((o) => !o.disabled).map((o) => o.value),
      );
    expect(imported).toContain('FD001');
  });

  it('leaves the app in the pump-skid asset view', async () => {
    await page.getByTestId('btn-fleet').click();
    await page.getByTestId('twin-canvas').waitFor();
    await expect.poll(() => page.getByTestId('asset-name').innerText()).toContain('Pump skid');
    await expect
      .poll(() => page.evaluate(() => window.__twinscape?.sceneComponents?.().includes('pump') ?? false), {
        timeout: 30_000,
      })
      .toBe(true);
  });
});
