import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { resetBackend } from './backend-control';

const DATA = path.resolve('../shared/data/cmapss/test_FD001.txt');
const HAVE_DATA = existsSync(DATA);
const HAVE_MODEL = existsSync('models/turbofan/FD001/model.json');
if (!HAVE_DATA) console.warn(`skipping the fleet e2e test: ${DATA} is absent (NASA C-MAPSS data)`);

type Unit = { unit: number; rul: number | null; rulStd: number | null };
const fleetUnits = (page: Page) =>
  page.evaluate(() => window.__twinscape?.fleetUnits?.() ?? []) as Promise<Unit[]>;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  if (!HAVE_DATA) return;
  browser = await launchBrowser();
  // The wasm backend: SwiftShader's emulated WebGPU takes seconds per fleet tick on a CPU runner.
  page = await openApp(browser, `${inject('baseUrl')}?backend=wasm`);
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
    await page.mouse.click(point!.x, point!.y);
    const detail = page.getByTestId('fleet-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('h2').innerText()).toBe(`Engine ${worst.unit}`);
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
