import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, saveScreenshot } from './browser';

let browser: Browser;
let page: Page;

const score = (id: string) => page.evaluate((c) => window.__twinscape?.componentScore?.(c) ?? Number.NaN, id);
const color = (id: string) =>
  page.evaluate((c) => window.__twinscape?.componentColor?.(c) ?? [Number.NaN, Number.NaN, Number.NaN], id);
const compare = () => page.evaluate(() => window.__twinscape?.compareState?.() ?? null);
/** Polls as long as a few software-rendered frames can take on a shared machine. */
const PATIENT = { timeout: 60_000 };
const sameColor = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? Number.NaN)) < 1e-4);
/** Waits for the scene to draw a few more frames (SwiftShader draws about one a second). */
async function settleFrames(): Promise<void> {
  const start = (await compare())?.frames ?? 0;
  await expect.poll(async () => (await compare())?.frames ?? 0, PATIENT).toBeGreaterThan(start + 1);
}

/**
 * openApp with patient waits: SwiftShader draws the scene at about one frame a second on shared CPUs, so the
 * first paint and every action take longer than the shared helper allows when training jobs run alongside.
 */
async function openPatiently(baseUrl: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.setDefaultTimeout(180_000);
  await p.goto(baseUrl);
  await p.getByTestId('app-root').waitFor();
  await p.waitForFunction(() => (window.__twinscape?.sceneComponents?.().length ?? 0) > 0, undefined, {
    timeout: 180_000,
  });
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return p;
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  await resetBackend(baseUrl);
  // Run the plant slower than its maximum, so the plan below can raise the speed.
  await callBackend(baseUrl, [{ method: 'setControl', payload: { controlId: 'speed_setpoint', value: 40 } }]);
  browser = await launchBrowser();
  page = await openPatiently(baseUrl);
}, 420_000);

afterAll(async () => {
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('what-if in 3D', () => {
  it('colors parts by their change against doing nothing, and splits the view into do nothing | plan', async () => {
    await page.getByTestId('tab-whatif').click();
    await page.getByTestId('whatif-horizon').selectOption('900');
    // One scheduled change: speed setpoint steps to 50 Hz one minute after the fork (live runs at 40 Hz).
    await page.getByTestId('whatif-add-control').click();
    const row = page.getByTestId('whatif-control-row').first();
    await row.getByLabel('Control').selectOption('speed_setpoint');
    await row.getByLabel('Target value').fill('50');
    await page.getByTestId('whatif-fork').click();
    await page.getByTestId('whatif-run').click();
    // 8 ensemble members on the physics; minutes when the machine is shared with training jobs.
    await page.getByTestId('whatif-preview').waitFor({ timeout: 400_000 });

    // Grey reference: every part's own paint with coloring off.
    await page.getByTestId('color-by-select').selectOption('off');
    await expect.poll(() => score('motor'), PATIENT).toBe(0);
    const motorGrey = await color('motor');
    const skidGrey = await color('skid');

    await page.getByTestId('color-by-select').selectOption('whatif-delta');
    await expect
      .poll(() => page.getByTestId('color-legend').getAttribute('data-mode'), PATIENT)
      .toBe('whatif-delta');
    // The motor runs 1/4 faster: its speed moves by ~40 % of its span; the pump's head and flow follow.
    await expect.poll(() => score('motor'), PATIENT).toBeGreaterThan(0.3);
    expect(await score('pump')).toBeGreaterThan(0.05);
    expect(await score('vfd')).toBeGreaterThan(0.3);
    // Ambient temperature does not care about the pump speed: the skid stays grey (below the 5 % noise band).
    expect(await score('skid')).toBeLessThan(0.05);
    expect(sameColor(await color('motor'), motorGrey)).toBe(false);
    expect(sameColor(await color('skid'), skidGrey)).toBe(true);
    const motorDelta = await page.evaluate(() => window.__twinscape?.componentDelta?.('motor'));
    expect(motorDelta?.delta).toBeGreaterThan(150); // rpm
    await expect(page.getByTestId('legend-biggest-change').innerText()).resolves.toMatch(
      /Biggest change: .+ → .+% of span/,
    );
    await saveScreenshot(page, 'whatif-3d-01-delta');

    // Split view: both sides, colored by the motor speed each predicts.
    await page.getByTestId('whatif-compare').click();
    await page.getByTestId('compare-overlay').waitFor();
    await expect(page.getByTestId('compare-view-baseline').innerText()).resolves.toMatch(/Do nothing/i);
    await expect(page.getByTestId('compare-view-scenario').innerText()).resolves.toMatch(/Plan/i);
    // The change coloring is not per side: compare shows each side's state (distance to alarm) instead.
    await expect
      .poll(() => page.getByTestId('color-legend').getAttribute('data-mode'), PATIENT)
      .toBe('alarm-distance');
    await page.getByTestId('color-by-select').selectOption('tag');
    await page.getByTestId('color-by-tag').selectOption('motor_speed');
    await settleFrames();
    let state = await compare();
    expect(state?.active).toBe(true);
    expect(state?.views).toBe(2);
    const end = state?.previewIndex ?? -1;
    expect(end).toBeGreaterThan(0);
    const [left, right] = state?.scores.motor ?? [Number.NaN, Number.NaN];
    expect(right - left).toBeGreaterThan(0.3);
    expect(sameColor(state?.colors.motor?.slice(0, 3) ?? [], state?.colors.motor?.slice(3) ?? [])).toBe(
      false,
    );
    await saveScreenshot(page, 'whatif-3d-02-compare');

    // The slider moves both sides: Home goes to +0, where the plan has not changed anything yet.
    const slider = page.getByTestId('compare-slider');
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await compare())?.previewIndex, PATIENT).toBe(end - 1);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await compare())?.previewIndex, PATIENT).toBe(0);
    await expect(page.getByTestId('compare-time').innerText()).resolves.toMatch(/^\+0 min/);
    await settleFrames();
    state = await compare();
    const [left0, right0] = state?.scores.motor ?? [Number.NaN, Number.NaN];
    expect(Math.abs(right0 - left0)).toBeLessThan(0.02);
    // Arrow keys step it from anywhere on the page, not only on the slider.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await compare())?.previewIndex, PATIENT).toBe(1);
    // …and they stepped the what-if, not the history replay (which would have ended the preview and the split).
    expect((await compare())?.active).toBe(true);

    // Render on demand in the split view too: with the simulation paused and nothing touched it draws nothing.
    await page.mouse.move(1, 1);
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'pause' } }]);
    try {
      const drawnOver3s = async () => {
        const start = (await compare())?.frames ?? 0;
        await page.waitForTimeout(3000);
        return ((await compare())?.frames ?? 0) - start;
      };
      await expect.poll(drawnOver3s, { timeout: 60_000, interval: 0 }).toBe(0);
      // …and a change it shows still draws: the slider steps both sides.
      const before = (await compare())?.frames ?? 0;
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => (await compare())?.previewIndex, PATIENT).toBe(2);
      await expect.poll(async () => (await compare())?.frames ?? 0, PATIENT).toBeGreaterThan(before);
    } finally {
      await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'run' } }]);
    }

    // Esc leaves the split view; the coloring the user picked stays.
    await page.keyboard.press('Escape');
    await page.getByTestId('compare-overlay').waitFor({ state: 'detached' });
    await expect.poll(async () => (await compare())?.active, PATIENT).toBe(false);
    await expect(page.getByTestId('color-legend').getAttribute('data-mode')).resolves.toBe('tag');
  }, 900_000);
});
