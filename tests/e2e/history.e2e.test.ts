import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { resetBackend } from './backend-control';
import { scrubTo, timelineTrack } from './timeline';

const HOUR = 3_600_000;

let browser: Browser;
let page: Page;

const score = (id: string) => page.evaluate((c) => window.__twinscape?.componentScore?.(c) ?? Number.NaN, id);
/** The score once the scene has painted the latest outputs: two reads a second apart agree. */
async function settledScore(id: string): Promise<number> {
  let last = await score(id);
  await expect
    .poll(
      async () => {
        await page.waitForTimeout(1000);
        const now = await score(id);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return last;
}
/** The health model's outputs for the replay playhead (status and the time they are for). */
const replayPrediction = () =>
  page.evaluate(() => {
    const s = window.__twinscape?.replayPrediction?.();
    return s ? { status: s.status, at: s.at, message: s.message } : null;
  });
/** Waits until the replay prediction is computed for a playhead within a minute of t. */
async function replayPredictionNear(t: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const r = await replayPrediction();
        return r?.status === 'ready' && r.at !== null && Math.abs(r.at - t) < 60_000;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}
/** The replay playhead, read from the mode badge ("REPLAY 2026-01-01 12:34:56 UTC"). */
async function playheadTime(): Promise<number> {
  const text = await page.getByTestId('timeline-mode').innerText();
  const m = /^REPLAY (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) UTC$/.exec(text);
  if (!m) throw new Error(`not replaying: "${text}"`);
  return Date.parse(`${m[1]}T${m[2]}Z`);
}
/** The earliest alarm marker at or after t (the markers of earlier test files lie before it). */
async function firstAlarmAfter(t: number): Promise<number> {
  const times = await page
    .locator('[data-testid="timeline-marker"][data-kind="alarm"]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-ts'))));
  return Math.min(...times.filter((ts) => ts >= t));
}
const track = () => timelineTrack(page);
/** Newest stored sample time: the right end of the timeline while live. */
const liveEdge = async () => Number((await track().getAttribute('data-to')) ?? Number.NaN);

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
  // Other e2e files share the server: start from a fresh simulator run, whatever they left behind.
  page.on('dialog', (d) => void d.accept());
  await page.getByTestId('tab-simulation').click();
  await page.getByTestId('btn-reset').click();
});

afterAll(async () => {
  // Leave the shared server as the other files expect it: 10×, no faults, live.
  await page?.getByTestId('tab-simulation').click();
  for (const b of await page.getByTestId('btn-clear-fault').all()) await b.click();
  await page?.getByTestId('speed-select').selectOption('10');
  await browser?.close();
});

describe('history replay on the timeline', () => {
  it('records a simulated hour, replays a bearing fault in the 3D view, and returns to live', async () => {
    await expect.poll(() => page.getByTestId('active-fault').count()).toBe(0);
    await page.getByTestId('color-by-select').selectOption('alarm-distance');
    await page.getByTestId('speed-select').selectOption('1000');
    await expect.poll(() => page.getByTestId('timeline-mode').innerText()).toBe('LIVE');
    // About an hour of healthy operation first (a reset goes on from the plant's clock).
    const start = await liveEdge();
    await expect.poll(liveEdge, { timeout: 60_000, interval: 250 }).toBeGreaterThan(start + HOUR);

    const faultAt = await liveEdge();
    await page.getByTestId('fault-select').selectOption('bearing_wear');
    await page.getByTestId('fault-severity').fill('0.9');
    await page.getByTestId('btn-inject-fault').click();
    await expect.poll(() => page.getByTestId('active-fault').count()).toBe(1);
    await expect
      .poll(() => score('bearing_de'), { timeout: 90_000, interval: 250 })
      .toBeGreaterThanOrEqual(1);
    // The alarm is in the store once a marker for it shows on the timeline (all history in view).
    await page.getByTestId('btn-fit').click();
    await expect
      .poll(() => page.locator('[data-testid="timeline-marker"][data-kind="alarm"]').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => Number.isFinite(await firstAlarmAfter(faultAt)), { timeout: 15_000 })
      .toBe(true);
    const alarmedAt = await firstAlarmAfter(faultAt);
    // The live health model scores the developed fault (color by anomaly probability).
    await page.getByTestId('color-by-select').selectOption('prediction');
    await expect.poll(async () => Number.isFinite(await score('bearing_de')), { timeout: 15_000 }).toBe(true);
    const liveAnomaly = await score('bearing_de');
    expect(liveAnomaly).toBeGreaterThan(0);
    await page.getByTestId('color-by-select').selectOption('alarm-distance');
    // The fault grows until it is cleared: halfway between its first alarm and the clearing, the bearing is in
    // alarm whatever the timeline's scale (earlier test files' history widens it) does to a click's precision.
    const inAlarmAt = (alarmedAt + (await liveEdge())) / 2;
    await page.getByTestId('btn-clear-fault').click();
    await page.getByTestId('speed-select').selectOption('10');
    await saveScreenshot(page, 'history-01-live-after-fault');

    // Show all stored history, then scrub to a moment when the bearing was in alarm.
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, inAlarmAt);
    await expect.poll(() => page.getByTestId('timeline-mode').getAttribute('data-mode')).toBe('replay');
    await expect(page.getByTestId('timeline-mode').innerText()).resolves.toMatch(
      /^REPLAY 2026-01-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    await expect.poll(() => score('bearing_de'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await saveScreenshot(page, 'history-02-replay-in-alarm');

    // Before the fault the same bearing was healthy.
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, faultAt - 10 * 60_000);
    await expect.poll(() => score('bearing_de'), { timeout: 10_000 }).toBeLessThan(0.5);
    await expect(page.getByTestId('timeline-mode').innerText()).resolves.toMatch(/^REPLAY /);
    await saveScreenshot(page, 'history-03-replay-healthy');

    // The health model's output for that moment, from the stored history: lower than live with the fault.
    await page.getByTestId('color-by-select').selectOption('prediction');
    await replayPredictionNear(await playheadTime());
    const beforeFault = await settledScore('bearing_de');
    expect(beforeFault).toBeLessThan(liveAnomaly);
    const point = await page.evaluate(() => window.__twinscape?.componentScreenPoint?.('bearing_de') ?? null);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await expect
      .poll(() => page.getByTestId('selection-prediction').getAttribute('data-replay-at').then(Number))
      .toBeGreaterThan(0);
    // The title is drawn in capitals by CSS; innerText reports what is shown.
    await expect(page.getByTestId('selection-prediction').innerText()).resolves.toMatch(
      /^Health model at 2026-01-01 \d\d:\d\d:\d\d UTC/i,
    );
    await saveScreenshot(page, 'history-03b-replay-prediction-healthy');
    // With the fault developed, the replayed score rises again.
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, inAlarmAt);
    await replayPredictionNear(await playheadTime());
    await expect.poll(() => score('bearing_de'), { timeout: 15_000 }).toBeGreaterThan(beforeFault);
    // At the start of the stored history the model has too little before the playhead to say anything.
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, Number(await track().getAttribute('data-from')) + 60_000);
    await expect
      .poll(async () => (await replayPrediction())?.status, { timeout: 15_000 })
      .toBe('not-enough-history');
    await expect.poll(() => score('bearing_de'), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByText(/not enough history before this moment/).count())
      .toBeGreaterThan(0);
    await saveScreenshot(page, 'history-03c-replay-not-enough-history');
    await page.getByTestId('color-by-select').selectOption('alarm-distance');

    // Live ingest went on meanwhile; LIVE returns to the present.
    await page.getByTestId('btn-live').click();
    await expect.poll(() => page.getByTestId('timeline-mode').getAttribute('data-mode')).toBe('live');
    await expect(page.getByTestId('btn-live').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect.poll(liveEdge, { timeout: 10_000 }).toBeGreaterThan(inAlarmAt);
    // Live shows the live loop's prediction again, which replaying left intact.
    await expect.poll(async () => (await replayPrediction())?.status).toBe('idle');
    await saveScreenshot(page, 'history-04-back-to-live');
  });
});
