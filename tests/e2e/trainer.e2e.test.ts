import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { resetBackend } from './backend-control';

let browser: Browser;
let page: Page;

const score = (id: string) => page.evaluate((c) => window.__twinscape?.componentScore?.(c) ?? Number.NaN, id);

/** Resets the shared simulator (no faults left) and puts the server's speed back. */
async function resetSimulator(): Promise<void> {
  await page.getByTestId('tab-simulation').click();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('btn-reset').click();
  await page.getByTestId('active-fault').first().waitFor({ state: 'detached', timeout: 10_000 });
  await page.getByTestId('speed-select').selectOption('10');
}

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
  await resetSimulator();
});

afterAll(async () => {
  if (page) {
    await page.getByTestId('tab-trainer').click();
    if (await page.getByTestId('trainer-question').isVisible())
      await page.getByTestId('trainer-choice').first().click();
    await resetSimulator().catch(() => undefined);
  }
  await resetBackend(inject('baseUrl')).catch(() => undefined);
  await browser?.close();
});

describe('trainer mode', () => {
  it('plays a built-in scenario: the fault colors its part, narration and a question appear, and a report comes out', async () => {
    await expect.poll(() => score('bearing_de'), { timeout: 15_000 }).toBeLessThan(1);
    await page.getByTestId('tab-trainer').click();
    await page.getByTestId('trainer-scenario-select').selectOption('bearing-wear-night-shift');
    await page.getByTestId('trainer-load').click();
    await expect.poll(() => page.getByTestId('trainer-status').getAttribute('data-status')).toBe('ready');
    await page.getByTestId('trainer-play').click();
    await expect.poll(() => page.getByTestId('trainer-caption').innerText()).toMatch(/night shift/i);
    await page.getByTestId('trainer-speed').selectOption('100');

    // The injected bearing wear drives the DE bearing's readings to their alarm limits: its color score rises.
    await expect.poll(() => score('bearing_de'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // The alarm opens the acknowledgement's window: the scenario's pace goes to real time; here, faster again.
    await expect
      .poll(() => page.getByTestId('trainer-pace').innerText(), { timeout: 30_000 })
      .toMatch(/^real time until/);
    await page.getByTestId('trainer-speed').selectOption('100');
    // Narration that came and went is in the timeline (the overlay shows each caption for its duration).
    await expect
      .poll(() => page.getByTestId('trainer-log').innerText(), { timeout: 30_000 })
      .toMatch(/drive end/i);
    await saveScreenshot(page, 'trainer-01-bearing-alarm');

    // Trainee view hides the injected fault; the presenter view shows it.
    await expect(page.getByTestId('trainer-log').innerText()).resolves.not.toMatch(/Pump DE bearing wear/);
    await page.getByTestId('trainer-presenter').check();
    await expect
      .poll(() => page.getByTestId('trainer-log').innerText())
      .toMatch(/Fault Pump DE bearing wear starts/);

    // Step to the question (unless it came already): each step stops at the next event or action window.
    const question = page.getByTestId('trainer-question');
    if (!(await question.isVisible()))
      await page
        .getByTestId('trainer-pause')
        .click({ timeout: 2000 })
        .catch(() => undefined);
    for (let i = 0; i < 30 && !(await question.isVisible()); i++) {
      await expect.poll(() => page.getByTestId('trainer-step').isEnabled()).toBe(true);
      await page.getByTestId('trainer-step').click();
      await page.waitForTimeout(300);
    }
    await question.waitFor({ timeout: 60_000 });
    await expect(question.innerText()).resolves.toMatch(/Which reading moved first/);
    await expect.poll(() => page.getByTestId('trainer-status').getAttribute('data-status')).toBe('question');
    await saveScreenshot(page, 'trainer-02-question');
    await page.getByTestId('trainer-choice').first().click();
    await question.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => page.getByTestId('trainer-score').innerText()).toMatch(/^(1\d|[2-9]\d) \/ 40$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('trainer-report').click(),
    ]);
    const html = readFileSync((await download.path()) ?? '', 'utf8');
    expect(download.suggestedFilename()).toBe('bearing-wear-night-shift-report.html');
    expect(html).toMatch(/Night shift: the drive-end bearing starts to go/);
    expect(html).toMatch(/Which reading moved first/);
    expect(html).toMatch(/Score \d+ \/ 40/);

    await page.getByTestId('trainer-pause').click();
    await expect.poll(() => page.getByTestId('trainer-status').getAttribute('data-status')).toBe('paused');
  });
});
