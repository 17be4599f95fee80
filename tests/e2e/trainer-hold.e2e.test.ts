import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HistoryInfo, HistoryWindow } from '../../core/api/domains/history';
import type { HistoryRuns } from '../../core/api/domains/history-runs';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

let browser: Browser;
let page: Page;

async function call<T>(method: string, payload: unknown = {}): Promise<T> {
  const [r] = (await callBackend(inject('baseUrl'), [{ method, payload }])) as {
    value?: T;
    error?: string;
  }[];
  if (r?.value === undefined) throw new Error(`${method}: ${r?.error ?? 'no answer'}`);
  return r.value;
}
const sim = async () => (await call<{ sim: { running: boolean; run?: unknown } }>('getSession')).sim;
const notices = () => page.getByTestId('notice').allInnerTexts();

/** The plant's stored flow over [from, to], value by value (one bucket per second). */
async function plantFlow(from: number, to: number) {
  const w = await call<HistoryWindow>('historyWindow', {
    from,
    to: to + 1,
    buckets: Math.min(4000, Math.ceil((to + 1 - from) / 1000)),
    tagIds: ['flow'],
  });
  return w.series[0]?.first;
}

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
});

afterAll(async () => {
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('a trainer scenario beside the plant', () => {
  it('plays without touching the plant history; Run while it is paused says what holds the simulator', async () => {
    // Some plant history first.
    await call('simCommand', { kind: 'speed', speed: 100 });
    await expect
      .poll(async () => (await call<HistoryInfo>('historyInfo')).sampleCount, { timeout: 30_000 })
      .toBeGreaterThan(300);
    const plant = await call<HistoryInfo>('historyInfo');
    const before = await plantFlow(plant.from ?? 0, plant.to ?? 0);

    await page.getByTestId('tab-trainer').click();
    await page.getByTestId('trainer-scenario-select').selectOption('cavitation-low-suction-tank');
    await page.getByTestId('trainer-load').click();
    await expect.poll(() => page.getByTestId('trainer-status').getAttribute('data-status')).toBe('ready');
    await page.getByTestId('trainer-play').click();
    await expect.poll(() => page.getByTestId('trainer-caption').innerText()).toMatch(/Demand spike/);
    await expect.poll(() => page.getByTestId('trainer-pace').innerText()).toMatch(/60× between actions/);
    // The scenario's run has a history of its own, shown while it plays.
    await expect.poll(async () => (await call<HistoryRuns>('historyRuns')).viewing).not.toBeNull();
    await page.getByTestId('trainer-pause').click();
    await expect.poll(() => page.getByTestId('trainer-status').getAttribute('data-status')).toBe('paused');

    // Run from the Simulation tab: refused with the reason and the ways out; the scenario stays paused.
    await page.getByTestId('tab-simulation').click();
    await page.getByTestId('btn-run-pause').click();
    const leave = page.getByTestId('notice-leave-scenario');
    await leave.waitFor({ timeout: 10_000 });
    expect((await notices()).join('\n')).toMatch(/"Cavitation after .*" holds the simulator/);
    await expect(page.getByTestId('notice-play-scenario').isVisible()).resolves.toBe(true);
    await page.waitForTimeout(2000);
    expect((await sim()).running).toBe(false);
    await saveScreenshot(page, 'trainer-hold-01-run-refused');

    // Leave scenario: the plant is back and runs.
    await leave.click();
    await expect.poll(async () => (await sim()).run ?? null).toBeNull();
    await expect.poll(async () => (await sim()).running).toBe(true);
    await page.getByTestId('tab-trainer').click();
    await expect.poll(() => page.getByTestId('trainer-status').count()).toBe(0);

    // Nothing said the plant's history was replaced, and it still holds every sample, value by value.
    expect((await notices()).join('\n')).not.toMatch(/replaced|clock went back/i);
    await expect.poll(async () => (await call<HistoryInfo>('historyInfo')).from).toBe(plant.from);
    expect(await plantFlow(plant.from ?? 0, plant.to ?? 0)).toEqual(before);

    await page.getByTestId('btn-history').click();
    await page.getByTestId('history-tab-runs').click();
    await expect
      .poll(() => page.getByTestId('history-run').first().innerText())
      .toMatch(/Cavitation after the suction tank/);
    await expect(page.getByTestId('history-run-plant').getAttribute('aria-current')).resolves.toBe('true');
    await saveScreenshot(page, 'trainer-hold-02-history-runs');
    await page.getByTestId('btn-history-close').click();
  });
});
