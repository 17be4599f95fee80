// Suggest setpoints shows the physics' predicted flow, pressure and power beside the targets, and nothing reaches
// the live plant before the user confirms the old → new setpoints.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

let browser: Browser;
let page: Page;

async function liveControls(): Promise<Record<string, number>> {
  const [r] = (await callBackend(inject('baseUrl'), [{ method: 'getSession', payload: {} }])) as {
    value?: { sim: { controls: Record<string, number> } };
  }[];
  return r?.value?.sim.controls ?? {};
}

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
  await resetBackend(inject('baseUrl')).catch(() => undefined);
});

describe('suggest setpoints, then apply with confirmation', () => {
  it('shows the predicted outcome beside the targets, rounded setpoints, and asks before applying', async () => {
    await page.getByTestId('tab-whatif').click();
    await page.getByTestId('whatif-suggest').click();
    const outcome = page.getByTestId('whatif-suggestion-outcome');
    await expect.poll(() => outcome.count(), { timeout: 90_000 }).toBe(1);
    const rows = outcome.getByTestId('suggestion-outcome-row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-tag-id')))).toEqual([
      'flow',
      'discharge_pressure',
      'motor_power',
    ]);
    const suggested = await page.getByTestId('whatif-suggestion').innerText();
    expect(suggested).not.toMatch(/\d\.\d{6,}/); // no 3.4000000000000004
    await saveScreenshot(page, 'whatif-suggestion-outcome');

    const apply = page.getByTestId('whatif-apply-suggestion');
    if ((await apply.count()) === 0) return; // nothing better found: nothing to apply
    const before = await liveControls();
    await apply.click();
    const dialog = page.getByTestId('apply-confirm-dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.getByTestId('apply-confirm-row').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'whatif-apply-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await liveControls()).toEqual(before);

    await apply.click();
    await page.getByTestId('apply-confirm').click();
    await expect
      .poll(async () => JSON.stringify(await liveControls()), { timeout: 10_000 })
      .not.toBe(JSON.stringify(before));
  }, 150_000);
});
