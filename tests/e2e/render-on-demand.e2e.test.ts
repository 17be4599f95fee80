/**
 * Render on demand and adaptive quality in headless Chromium (SwiftShader): with the simulation paused and no
 * input the 3D view draws nothing; a sensor fault injected while running still recolors its part, and the part
 * shows the last batch once the simulation pauses; Auto starts at Low on a software renderer, and at Low the
 * view is drawn, a part can still be selected by a click, the skid takes few draw calls (its static parts merged)
 * and a fault still recolors its part on screen.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { valueFraction } from '../../core/asset/alarm-distance';
import { parseAssetJson } from '../../core/asset/parse';
import { launchBrowser, openApp } from './browser';
import { callBackend, resetBackend } from './backend-control';

const parsed = parseAssetJson(readFileSync('assets/pump-skid/asset.json', 'utf8'));
if (!parsed.ok) throw new Error('built-in asset does not parse');
const asset = parsed.asset;

let browser: Browser;
let page: Page;
type Hooks = NonNullable<Window['__twinscape']>;

/** SwiftShader draws about one frame a second on a shared machine: colors follow a frame or two late. */
const POLL = { timeout: 60_000, interval: 500 };
const sim = (kind: 'run' | 'pause') =>
  callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind } }]);
const framesDrawn = () => page.evaluate(() => (window.__twinscape as Hooks).framesDrawn!());

/** Mean color of a 5×5 patch of a screenshot around viewport point `at` of the element shot at `box`. */
function patchColor(
  png: Buffer,
  box: { x: number; y: number; width: number },
  at: { x: number; y: number },
): [number, number, number] {
  const image = PNG.sync.read(png);
  const scale = image.width / box.width;
  const cx = Math.round((at.x - box.x) * scale);
  const cy = Math.round((at.y - box.y) * scale);
  const sum = [0, 0, 0];
  for (let dy = -2; dy <= 2; dy++)
    for (let dx = -2; dx <= 2; dx++) {
      const i = ((cy + dy) * image.width + cx + dx) * 4;
      for (let c = 0; c < 3; c++) sum[c]! += image.data[i + c] ?? 0;
    }
  return [sum[0]! / 25, sum[1]! / 25, sum[2]! / 25];
}

/** How far a color leans to yellow (the alarm end of the colormap) from grey: mean of red and green over blue. */
const warmth = ([r, g, b]: [number, number, number]) => (r + g) / 2 - b;

/** Standard deviation of luminance and a sample of distinct colors of a screenshot. */
function luminanceSpread(png: Buffer): { spread: number; distinct: number } {
  const image = PNG.sync.read(png);
  let sum = 0;
  let sumSq = 0;
  const seen = new Set<number>();
  const n = image.width * image.height;
  for (let i = 0; i < n; i++) {
    const [r = 0, g = 0, b = 0] = image.data.subarray(i * 4, i * 4 + 3);
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += y;
    sumSq += y * y;
    if (i % 7 === 0) seen.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  return { spread: Math.sqrt(sumSq / n - mean * mean), distinct: seen.size };
}

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
  page.setDefaultTimeout(120_000);
  // Keep the pointer off the canvas: hovering a part is a change that asks for frames.
  await page.mouse.move(1, 1);
});

afterAll(async () => {
  // Leave the shared server as the other files expect it: 10×, running, no faults.
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('render on demand', () => {
  it('draws frames while the simulation runs and none over 3 s while it is paused and nothing is touched', async () => {
    const running = await framesDrawn();
    await expect.poll(framesDrawn, POLL).toBeGreaterThan(running);
    await sim('pause');
    try {
      // The last batch, its trailing frame and the last (slow, software) model run reach the screen; after that
      // nothing asks for a frame: some 3 s window must pass without one.
      const idleWindow = async () => {
        const start = await framesDrawn();
        await page.waitForTimeout(3000);
        return (await framesDrawn()) - start;
      };
      await expect.poll(idleWindow, { timeout: 60_000, interval: 0 }).toBe(0);
      expect(await idleWindow()).toBe(0);
      expect(await page.getByTestId('status-fps').innerText()).toBe('0 fps');
    } finally {
      await sim('run');
    }
  }, 180_000);

  it('recolors a part when a sensor fault is injected while running, and shows the last batch after a pause', async () => {
    const tagIndex = asset.tags.findIndex((t) => t.id === 'bearing_de_temp');
    const tag = asset.tags[tagIndex]!;
    await page.getByTestId('color-by-select').selectOption('tag');
    await page.getByTestId('color-by-tag').selectOption('bearing_de_temp');
    const shown = () =>
      page.evaluate((k) => {
        const hooks = window.__twinscape as Hooks;
        return { score: hooks.componentScore!('bearing_de'), value: hooks.displayedValues!()[k]! };
      }, tagIndex);
    await expect
      .poll(async () => Number.isFinite((await shown()).score) && (await shown()).score > 0, POLL)
      .toBe(true);
    const before = (await shown()).score;
    // The sim runs (the first test resumed it): batches keep coming while the fault acts.
    await callBackend(inject('baseUrl'), [
      {
        method: 'injectFault',
        payload: { faultId: 'sensor_bias', severity: 1, targetTag: 'bearing_de_temp' },
      },
    ]);
    // The bias moves the reading by a tenth of the tag's span: the part's color follows.
    await expect.poll(async () => Math.abs((await shown()).score - before), POLL).toBeGreaterThan(0.05);
    await sim('pause');
    try {
      await expect
        .poll(async () => {
          const { score, value } = await shown();
          return Math.abs(score - valueFraction(tag, value));
        }, POLL)
        .toBeLessThan(1e-6);
    } finally {
      await sim('run');
    }
  }, 180_000);
});

describe('adaptive quality', () => {
  it('starts Auto at Low on a software renderer and says so in the status bar', async () => {
    const status = page.getByTestId('status-quality');
    await expect.poll(() => status.getAttribute('data-level'), POLL).toBe('Low');
    expect(await status.innerText()).toMatch(/Low\s*\(auto\)/);
    expect(await status.getAttribute('title')).toMatch(/SwiftShader|llvmpipe/i);
  });

  it('at Low the view is drawn and a part is still selectable by a click; the choice is remembered', async () => {
    await page.getByTestId('quality-select').selectOption('low');
    await expect.poll(() => page.getByTestId('status-quality').innerText(), POLL).toMatch(/^Quality\s+Low$/);
    await page.getByTestId('color-by-select').selectOption('alarm-distance');
    await page.waitForTimeout(1500);
    const { spread, distinct } = luminanceSpread(await page.getByTestId('twin-canvas').screenshot());
    expect(spread).toBeGreaterThan(8);
    expect(distinct).toBeGreaterThan(100);
    const point = await page.evaluate(() => (window.__twinscape as Hooks).componentScreenPoint!('motor'));
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await expect
      .poll(() => page.getByTestId('selection-title').innerText(), POLL)
      .toBe('Induction motor 75 kW');
    // The selection glow is drawn on the motor's own (merged) vertices.
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).componentEmissive!('motor')[2]!), POLL)
      .toBeGreaterThan(0.1);
    expect(await page.evaluate(() => (window.__twinscape as Hooks).componentEmissive!('pump'))).toEqual([
      0, 0, 0,
    ]);
    await page.reload();
    await expect.poll(() => page.getByTestId('quality-select').inputValue(), POLL).toBe('low');
    await page.getByTestId('quality-select').selectOption('auto');
  }, 180_000);

  it('at Low draws the skid in few draw calls, and a fault still recolors its part on screen', async () => {
    await page.getByTestId('quality-select').selectOption('low');
    await expect.poll(() => page.getByTestId('status-quality').innerText(), POLL).toMatch(/^Quality\s+Low$/);
    await page.getByTestId('color-by-select').selectOption('alarm-distance');
    // Merged opaque parts, merged x-ray casings, the merged shaft line, the perforated coupling guard, four sight
    // glasses, the floor's grid lines and the labels' leader lines: 10, plus the selection box and "why" outlines
    // when shown. Drawn one mesh per part and material (on a floor plane), it took 57.
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).drawCalls!()), POLL)
      .toBeGreaterThan(2);
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).drawCalls!()), POLL)
      .toBeLessThanOrEqual(15);

    const canvas = page.getByTestId('twin-canvas');
    const shownColor = async () => {
      const at = await page.evaluate(() => (window.__twinscape as Hooks).componentScreenPoint!('bearing_de'));
      expect(at).not.toBeNull();
      return patchColor(await canvas.screenshot(), (await canvas.boundingBox())!, at!);
    };
    const before = await shownColor();
    await callBackend(inject('baseUrl'), [
      { method: 'simCommand', payload: { kind: 'speed', speed: 1000 } },
      { method: 'injectFault', payload: { faultId: 'bearing_wear', severity: 0.9, growthPerHour: 0 } },
    ]);
    try {
      await expect
        .poll(() => page.evaluate(() => (window.__twinscape as Hooks).componentScore!('bearing_de')), {
          ...POLL,
          timeout: 90_000,
        })
        .toBeGreaterThanOrEqual(0.9);
      // The part's vertices carry the alarm end of the colormap (yellow: strong red and green, little blue) …
      const [r, g, b] = await page.evaluate(() =>
        (window.__twinscape as Hooks).componentColor!('bearing_de'),
      );
      expect(r + g).toBeGreaterThan(4 * b);
      // … and so do its pixels.
      await expect.poll(async () => warmth(await shownColor()), POLL).toBeGreaterThan(warmth(before) + 25);
    } finally {
      await resetBackend(inject('baseUrl'));
      await page.getByTestId('quality-select').selectOption('auto');
    }
  }, 240_000);
});
