/**
 * The model color modes and the selected part's model views in headless Chromium: after a DE-bearing fault
 * has grown and the health model has warmed up, "Fault type" paints the bearing in its fault color and a
 * healthy part grey, "Remaining useful life" paints it by hours, "Predicted value at +H" paints the part
 * carrying the chosen tag by the live forecast; the bearing's charts show the forecast band, and the parts
 * that drive its score are outlined, the hovered one singled out.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alarmDistance } from '../../core/asset/alarm-distance';
import { SCORE_GREY } from '../../renderer/src/scene/paint/colormap';
import { parseAssetJson } from '../../core/asset/parse';
import { RUL_CAP_HOURS } from '../../core/ml/pump/spec';
import { FAULT_TYPE_COLORS } from '../../renderer/src/scene/paint/model-colors';
import { appUrl, ARTIFACTS, launchBrowser } from './browser';
import { callBackend, resetBackend } from './backend-control';

const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('built-in asset does not parse');
const asset = parsed.asset;

let browser: Browser;
let page: Page;
type Hooks = NonNullable<Window['__twinscape']>;

const health = () =>
  page.evaluate(() => {
    const s = (window.__twinscape as Hooks).inference!.state();
    const i = s.components.indexOf('bearing_de');
    return {
      status: s.status,
      ticks: s.ticks,
      faultType: s.faultType?.[i] ?? null,
      rul: s.rulHours?.[i] ?? Number.NaN,
      anomaly: s.anomaly?.[i] ?? Number.NaN,
    };
  });
const score = (id: string) => page.evaluate((c) => (window.__twinscape as Hooks).componentScore!(c), id);
const partColor = (id: string) => page.evaluate((c) => (window.__twinscape as Hooks).componentColor!(c), id);
/** sRGB hex → the linear RGB three.js paints with. */
const linear = (hex: string) =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
/** SwiftShader draws about one frame a second on a shared machine: colors follow a frame or two late. */
const POLL = { timeout: 60_000, interval: 500 };
const near = (a: number[], b: number[], tol = 1e-3) => a.every((v, i) => Math.abs(v - b[i]!) < tol);
const speed = (s: number) =>
  callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'speed', speed: s } }]);

/** Screenshots for a person to look at; generous timeout, the 3D view renders on SwiftShader. */
const shot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), timeout: 120_000 });

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  // SwiftShader draws the 3D view at about 1 fps on a shared machine: actions wait for frames.
  page.setDefaultTimeout(120_000);
  // wasm: this file checks the coloring, not the backend (inference.e2e.test.ts covers WebGPU), and SwiftShader's
  // WebGPU takes seconds per call.
  await page.goto(appUrl(inject('baseUrl'), { backend: 'wasm' }));
  await page.getByTestId('app-root').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 120_000,
    polling: 1000,
  });
}, 240_000);

afterAll(async () => {
  // Leave the shared server as the other files expect it: 10×, no faults.
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('color by model outputs', () => {
  it('recognises a growing DE-bearing fault once the health model has warmed up', async () => {
    await callBackend(inject('baseUrl'), [
      { method: 'injectFault', payload: { faultId: 'bearing_wear', severity: 0.35, growthPerHour: 0.03 } },
    ]);
    await speed(1000);
    await expect
      .poll(async () => (await health()).faultType, { timeout: 90_000, interval: 1000 })
      .toBe('bearing_wear');
    await speed(10);
  }, 240_000);

  it('fault type: paints the DE bearing in the bearing-wear color and a healthy part grey, legend lists it', async () => {
    await page.getByTestId('color-by-select').selectOption('off');
    await expect.poll(() => score('pump'), POLL).toBe(0);
    const greyPump = await partColor('pump');
    await page.getByTestId('color-by-select').selectOption('fault-type');
    await expect
      .poll(async () => near(await partColor('bearing_de'), linear(FAULT_TYPE_COLORS.bearing_wear!)), POLL)
      .toBe(true);
    expect(await partColor('pump')).toEqual(greyPump);
    expect(near(await partColor('pump'), await partColor('bearing_de'), 0.02)).toBe(false);
    const legend = page.getByTestId('fault-type-legend');
    await expect.poll(() => legend.innerText(), POLL).toBe('Pump DE bearing wear');
    await shot('predictions-fault-type');
  }, 240_000);

  it('remaining useful life: paints the bearing by its predicted hours, legend in hours', async () => {
    await page.getByTestId('color-by-select').selectOption('rul');
    await expect
      .poll(async () => {
        const h = await health();
        const s = await score('bearing_de');
        return Number.isFinite(h.rul) && Math.abs(s - (1 - Math.min(1, h.rul / RUL_CAP_HOURS))) < 0.02;
      }, POLL)
      .toBe(true);
    expect(await score('pump')).toBe(0);
    expect(await page.getByTestId('color-legend').innerText()).toMatch(/≥ 72 h[\s\S]*0 h \(trip\)/);
    await shot('predictions-rul');
  }, 240_000);

  it('predicted value at +H: paints the part carrying the tag by the live forecast at that horizon', async () => {
    await page.getByTestId('color-by-select').selectOption('forecast');
    await page.getByTestId('color-by-forecast-tag').selectOption('bearing_de_temp');
    await page.getByTestId('color-by-forecast-horizon').selectOption('60');
    const tagIndex = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');
    const tag = asset.tags[tagIndex]!;
    await expect
      .poll(
        async () => {
          const [predicted, s] = await page.evaluate(
            (k) => [
              (window.__twinscape as Hooks).forecast!.state().forecast?.values[k]?.[59] ?? null,
              (window.__twinscape as Hooks).componentScore!('bearing_de'),
            ],
            tagIndex,
          );
          // Coloured by the predicted value's distance to alarm; grey (0) while it stays normal.
          const d = predicted === null ? Number.NaN : alarmDistance(tag, predicted);
          return predicted !== null && Math.abs(s - (d > SCORE_GREY ? d : 0)) < 1e-6;
        },
        { timeout: 90_000, interval: 1000 },
      )
      .toBe(true);
    expect(await score('pump')).toBe(0);
    expect(await page.getByTestId('color-legend').innerText()).toMatch(/TE211 .* at \+60 min[\s\S]*°C/);
    await shot('predictions-forecast-color');
  }, 240_000);

  it('shows the forecast band on the selected bearing’s charts and outlines the parts that drive its score', async () => {
    await page.getByTestId('color-by-select').selectOption('fault-type');
    const point = await page.evaluate(() =>
      (window.__twinscape as Hooks).componentScreenPoint!('bearing_de'),
    );
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect.poll(() => page.getByTestId('selection-title').innerText(), POLL).toBe('Pump DE bearing');
    const chart = page.locator('[data-testid="tag-chart"][data-tag-id="bearing_de_temp"]');
    await expect
      .poll(async () => Number(await chart.getAttribute('data-forecast-steps')), {
        timeout: 90_000,
        interval: 1000,
      })
      .toBeGreaterThan(20);
    await expect(page.getByTestId('forecast-key').innerText()).resolves.toMatch(/forecast ± test MAE/);
    // "Why" comes with every 8th health-model call; at least one tag drives a detected fault's score.
    const entries = page.getByTestId('why-entry');
    await expect.poll(() => entries.count(), { timeout: 120_000, interval: 1000 }).toBeGreaterThan(0);
    // Paused, the model stops predicting and the list holds still.
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'pause' } }]);
    const listedAndOutlined = () =>
      page.evaluate(() => {
        const parts = [...document.querySelectorAll('[data-testid="why-entry"]')].map((e) =>
          e.getAttribute('data-part'),
        );
        return {
          listed: [...new Set(parts.filter((p): p is string => !!p))].sort(),
          outlined: (window.__twinscape as Hooks).whyOutlines!().sort(),
        };
      });
    await expect
      .poll(async () => {
        const { listed, outlined } = await listedAndOutlined();
        return listed.length > 0 && JSON.stringify(listed) === JSON.stringify(outlined);
      }, POLL)
      .toBe(true);
    await expect(page.getByTestId('why-legend').innerText()).resolves.toMatch(/drives the score/);
    await shot('predictions-why-and-band');
    // Hovering an entry singles its part out; leaving the list brings every outline back.
    const { listed } = await listedAndOutlined();
    const last = entries.last();
    const part = await last.getAttribute('data-part');
    await last.hover();
    await expect.poll(async () => (await listedAndOutlined()).outlined, POLL).toEqual([part]);
    await shot('predictions-why-hover');
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await listedAndOutlined()).outlined, POLL).toEqual(listed);
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'run' } }]);
  }, 240_000);
});
