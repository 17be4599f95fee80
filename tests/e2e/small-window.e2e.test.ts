import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

type Rect = { left: number; top: number; right: number; bottom: number; width: number; height: number };
const rectOf = (selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    }),
  );
const overlap = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'), { width: 1280, height: 720 });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('a 1280 × 720 window (issue #17, problem 10)', () => {
  it('shows the whole asset name and toolbar, a compact legend, labels apart and icons that render', async () => {
    // Labels are placed after a few drawn frames.
    await expect
      .poll(() => rectOf('.twin-label').then((r) => r.length), { timeout: 60_000 })
      .toBeGreaterThan(5);
    await page.waitForTimeout(1500);
    await saveScreenshot(page, 'small-window-1280x720');

    const name = page.getByTestId('asset-name');
    await expect(name.innerText()).resolves.toBe('Pump skid P-101');
    const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, 'asset name cut off').toBe(true);

    // "Color by" on one line, and every toolbar control inside the window.
    const colorBy = await rectOf('.toolbar-field > span');
    for (const r of colorBy) expect(r.height).toBeLessThan(20);
    const controls = await rectOf('.toolbar > *');
    for (const r of controls) expect(r.right).toBeLessThanOrEqual(1280);

    // The legend covers at most a tenth of the 3D view.
    const [legend] = await rectOf('[data-testid="color-legend"]');
    const [view] = await rectOf('[data-testid="twin-canvas"]');
    expect((legend!.width * legend!.height) / (view!.width * view!.height)).toBeLessThan(0.1);

    // No two labels overlap.
    const labels = await rectOf('.twin-label');
    const pairs = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter((b) => overlap(a, b))
        .map((b) => [a, b]),
    );
    expect(pairs).toEqual([]);

    // Transport controls are drawn by the app (SVG), not by a font that may lack the glyph.
    for (const id of ['btn-prev-event', 'btn-step-back', 'btn-play', 'btn-step-forward', 'btn-next-event'])
      await expect(page.getByTestId(id).locator('svg').count()).resolves.toBe(1);
  });

  it('enters and leaves Compare in 3D with no error in the page', async () => {
    await page.getByTestId('tab-whatif').click();
    await page.getByTestId('whatif-add-control').click();
    const row = page.getByTestId('whatif-control-row').first();
    await row.getByLabel('Control').selectOption('speed_setpoint');
    await row.getByLabel('Target value').fill('40');
    await page.getByTestId('whatif-fork').click();
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-preview').waitFor({ timeout: 400_000 });
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('whatif-compare').click();
      await page.getByTestId('compare-overlay').waitFor();
      await expect.poll(() => rectOf('.twin-label').then((r) => r.every((x) => x.width === 0))).toBe(true);
      await page.waitForTimeout(1000);
      if (i === 0) await saveScreenshot(page, 'small-window-compare');
      await page.keyboard.press('Escape');
      await page.getByTestId('compare-overlay').waitFor({ state: 'detached' });
    }
    await expect.poll(() => rectOf('.twin-label').then((r) => r.some((x) => x.width > 0))).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 600_000);

  // Issue #15: after the what-if (its colour mode is offered now) and once the forecaster answers.
  it('keeps every toolbar control whole in both languages and every colour mode, at 1280 × 720 and 1600 × 900', async () => {
    const colorBy = page.getByTestId('color-by-select');
    await expect
      .poll(() => colorBy.locator('option[value="forecast"]').isDisabled(), { timeout: 240_000 })
      .toBe(false);
    for (const [width, height] of [
      [1280, 720],
      [1600, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const language of ['zh-CN', 'en']) {
        await page.getByTestId('language-select').selectOption(language);
        const modes = await colorBy
          .locator('option:not([disabled])')
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        expect(modes).toEqual(expect.arrayContaining(['tag', 'forecast', 'whatif-delta']));
        for (const mode of modes) {
          await colorBy.selectOption(mode);
          // Controls that stick out of the toolbar's box, and how far; the bar itself must not scroll.
          const outside = await page.locator('.toolbar').evaluate((bar) => {
            const box = bar.getBoundingClientRect();
            const out: string[] = [];
            if (bar.scrollWidth > bar.clientWidth)
              out.push(`toolbar scrolls ${bar.scrollWidth - bar.clientWidth} px`);
            for (const el of bar.querySelectorAll('button, select, label, .asset-name')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0) continue;
              const over = Math.max(
                r.right - box.right,
                box.left - r.left,
                r.bottom - box.bottom,
                box.top - r.top,
              );
              if (over > 0.5) out.push(`${el.textContent?.slice(0, 20)}: ${Math.round(over)} px`);
            }
            return out;
          });
          expect(outside, `${language} at ${width} × ${height}, colour by ${mode}`).toEqual([]);
        }
        await colorBy.selectOption('forecast');
        await page.getByTestId('color-by-forecast-tag').waitFor();
        await saveScreenshot(page, `small-window-${language}-forecast-${width}x${height}`);
      }
    }
    await page.getByTestId('language-select').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 720 });
  }, 420_000);
});
