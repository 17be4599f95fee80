import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { scrubTo, timelineTrack } from './timeline';

const MIN = 60_000;
/** The simulator clock as `hh:m` of a minute, as the fork header shows it (a reset goes on from the clock). */
const tenMinutes = (t: number) => new Date(t).toISOString().slice(11, 15);

let browser: Browser;
let page: Page;

const track = () => timelineTrack(page);
/** Newest stored sample time: the right end of the timeline while live. */
const liveEdge = async () => Number((await track().getAttribute('data-to')) ?? Number.NaN);

/** The simulator's clock, from the backend. */
async function simTime(): Promise<number> {
  const [r] = (await callBackend(inject('baseUrl'), [{ method: 'getSession', payload: {} }])) as {
    value?: { sim: { simTime: number } };
  }[];
  return r?.value?.sim.simTime ?? Number.NaN;
}

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  browser = await launchBrowser();
  page = await openApp(browser, baseUrl);
  await resetBackend(baseUrl);
});

afterAll(async () => {
  await page
    ?.getByTestId('btn-live')
    .click()
    .catch(() => undefined);
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('what-if from a moment in history', () => {
  it('scrubs back, forks at the playhead with "What-if from here" and runs a plan from there', async () => {
    // Half an hour of simulated operation, with a setpoint change ten minutes in.
    const T0 = await simTime();
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'speed', speed: 1000 } }]);
    await expect.poll(simTime, { timeout: 60_000, interval: 100 }).toBeGreaterThan(T0 + 10 * MIN);
    await callBackend(inject('baseUrl'), [
      { method: 'setControl', payload: { controlId: 'speed_setpoint', value: 44 } },
    ]);
    await expect.poll(simTime, { timeout: 60_000, interval: 100 }).toBeGreaterThan(T0 + 30 * MIN);
    await callBackend(inject('baseUrl'), [{ method: 'simCommand', payload: { kind: 'speed', speed: 10 } }]);
    await expect.poll(liveEdge, { timeout: 30_000, interval: 250 }).toBeGreaterThan(T0 + 30 * MIN);

    expect(await page.getByTestId('btn-whatif-here').count()).toBe(0);
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, T0 + 17 * MIN);
    await expect.poll(() => page.getByTestId('timeline-mode').getAttribute('data-mode')).toBe('replay');
    const playhead = await page.getByTestId('timeline-mode').innerText();

    await page.getByTestId('btn-whatif-here').click();
    await expect.poll(() => page.getByTestId('tab-whatif').getAttribute('aria-selected')).toBe('true');
    const header = page.getByTestId('whatif-fork-time');
    await expect.poll(() => header.getAttribute('data-origin'), { timeout: 15_000 }).toBe('history');
    const text = await header.innerText();
    const fork = new Date(T0 + 17 * MIN).toISOString().slice(0, 10);
    expect(text).toMatch(new RegExp(`^Forked from history at ${fork} \\d\\d:\\d\\d:\\d\\d UTC$`));
    // The fork stands at the playhead's sample (the playhead label shows the same second).
    expect(playhead).toContain(text.replace('Forked from history at ', '').replace(' UTC', ''));
    expect(await header.getAttribute('title')).toMatch(
      /^Simulator state stored at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
    );

    await page.getByTestId('whatif-horizon').selectOption('900');
    await page.getByTestId('whatif-run').click();
    await page.getByTestId('whatif-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('whatif-error').count()).toBe(0);
    await saveScreenshot(page, 'whatif-fork-from-history');

    // The W key does the same from the timeline while replaying.
    await page.getByTestId('btn-fit').click();
    await scrubTo(page, T0 + 25 * MIN);
    await page.keyboard.press('w');
    await expect
      .poll(async () => (await header.innerText()).slice(34, 38), { timeout: 15_000 })
      .toBe(tenMinutes(T0 + 25 * MIN));
  });
});
