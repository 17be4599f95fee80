import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** The export dialog's date fields: 24-hour clock, UTC. */
const inputTime = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  // Web mode imports and exports only inside the server's exchange folder.
  dir = mkdtempSync(path.join(inject('exchangeDir'), 'history-import-'));
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('history dialog: import and export', () => {
  it('previews a CSV, maps it to two tags, reports the bad line, and exports the last hour', async () => {
    // The minute before the simulator's run starts: imported rows do not overlap the live recording.
    const at = (s: number) => iso(T0 - 60_000 + s * 1000);
    const csv = path.join(dir, 'skid-log.csv');
    writeFileSync(
      csv,
      [
        'time,flow_m3h,p_out_bar',
        `${at(0)},210.5,4.1`,
        `${at(10)},211.0,4.2`,
        `${at(20)},not-a-number,4.2`,
        `${at(30)},212.5,4.3`,
        `${at(40)},213.0,4.4`,
      ].join('\n') + '\n',
    );

    await page.getByTestId('btn-history').click();
    const dialog = page.getByTestId('history-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('history-path').innerText()).toMatch(/\.duckdb$/);
    // Retention: a longer period is saved and applied (nothing here is old enough to fold), then restored.
    const days = page.getByTestId('history-retention-days');
    await expect.poll(() => days.inputValue()).toBe('90');
    await days.fill('365');
    await page.getByTestId('btn-history-retention').click();
    await expect
      .poll(() => page.getByTestId('history-retention-message').innerText())
      .toMatch(/^Saved\. 0 raw rows older than 365 days/);
    await saveScreenshot(page, 'history-store');
    await days.fill('90');
    await page.getByTestId('btn-history-retention').click();
    await expect
      .poll(() => page.getByTestId('history-retention-message').innerText())
      .toMatch(/than 90 days/);

    await page.getByTestId('history-tab-import').click();
    await page.getByTestId('import-path').fill(csv);
    await page.getByTestId('btn-import-preview').click();
    const table = page.getByTestId('import-preview-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await expect(table.locator('thead').innerText()).resolves.toContain('flow_m3h');
    await expect(page.getByTestId('import-map-time').inputValue()).resolves.toBe('timestamp');
    await page.getByTestId('import-map-flow_m3h').selectOption('tag:flow');
    await page.getByTestId('import-map-p_out_bar').selectOption('tag:discharge_pressure');
    await page.getByTestId('btn-import-run').click();

    const report = page.getByTestId('import-report');
    await expect.poll(() => report.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect(report.getAttribute('data-rejected')).resolves.toBe('1');
    await expect(page.getByTestId('import-inserted').innerText()).resolves.toBe('4');
    const bad = page.getByTestId('import-rejected-row');
    await expect(bad.getAttribute('data-line')).resolves.toBe('4');
    await expect(bad.innerText()).resolves.toContain('flow_m3h');
    await saveScreenshot(page, 'history-import-report');

    // Let the simulator record a little, then export from the imported minute to the newest stored sample.
    await expect
      .poll(() => page.getByTestId('timeline-track').getAttribute('data-to').then(Number), {
        timeout: 30_000,
      })
      .toBeGreaterThan(T0 + 60_000);
    const newest = Number(await page.getByTestId('timeline-track').getAttribute('data-to'));
    await page.getByTestId('history-tab-export').click();
    // Date fields show the 24-hour clock, not the browser's 12-hour datetime-local.
    await expect
      .poll(() => page.getByTestId('export-from').inputValue())
      .toMatch(/^\d{4}-\d\d-\d\d [0-2]\d:\d\d:\d\d$/);
    await page.getByTestId('export-from').fill(inputTime(Math.min(newest - HOUR, T0 - 60_000)));
    await page.getByTestId('export-to').fill(inputTime(newest + 1000));
    await page.getByTestId('export-tags').selectOption(['flow', 'discharge_pressure']);
    const out = path.join(dir, 'last-hour.csv');
    await page.getByTestId('export-path').fill(out);
    await page.getByTestId('btn-export-run').click();
    const exported = page.getByTestId('export-report');
    await expect.poll(() => exported.isVisible(), { timeout: 30_000 }).toBe(true);
    const rows = Number(await exported.getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(4);
    expect(existsSync(out)).toBe(true);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    // Names with units for people, then the ids for machines.
    expect(lines[0]).toBe('Time (UTC),FT101 Discharge flow [m3/h],PT102 Discharge pressure [bar(g)]');
    expect(lines[1]).toBe('timestamp,flow,discharge_pressure');
    expect(lines).toHaveLength(rows + 2);
    // The imported values come back: the first row is the import's first line.
    expect(lines[2]).toContain('210.5');
    await saveScreenshot(page, 'history-export-report');

    await page.getByTestId('btn-history-close').click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('shows a determinate progress bar advancing through a 300,000-row import, then the report; Cancel stores nothing', async () => {
    // 300,000 rows 2 ms apart: the ten minutes before the first test's minute, so the timeline barely grows.
    const rows = 300_000;
    const start = T0 - 11 * 60_000;
    const csv = path.join(dir, 'big-log.csv');
    const lines = ['time,flow_m3h,p_out_bar'];
    for (let i = 0; i < rows; i++) lines.push(`${start + i * 2},${200 + (i % 100) / 10},${4 + (i % 7) / 10}`);
    writeFileSync(csv, lines.join('\n') + '\n');

    await page.getByTestId('btn-history').click();
    await page.getByTestId('history-tab-import').click();
    await page.getByTestId('import-path').fill(csv);
    await page.getByTestId('btn-import-preview').click();
    await expect.poll(() => page.getByTestId('import-map-time').inputValue()).toBe('timestamp');
    await expect(page.getByTestId('import-ts-format').inputValue()).resolves.toBe('epoch-ms');
    await page.getByTestId('import-map-flow_m3h').selectOption('tag:flow');
    await page.getByTestId('import-map-p_out_bar').selectOption('tag:discharge_pressure');

    // Record every percentage the bar shows, and its text, as the DOM changes.
    await page.evaluate(() => {
      const seen: { value: number; text: string }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const record = () => {
        const bar = document.querySelector('[data-testid="import-progress"]');
        const value = bar?.getAttribute('aria-valuenow');
        if (value == null || Number(value) === seen.at(-1)?.value) return;
        seen.push({ value: Number(value), text: bar?.getAttribute('aria-valuetext') ?? '' });
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    });
    await page.getByTestId('btn-import-run').click();
    await expect.poll(() => page.getByTestId('import-progress').isVisible()).toBe(true);
    await saveScreenshot(page, 'history-import-progress');
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect(page.getByTestId('import-inserted').innerText()).resolves.toBe('300,000');
    await expect(page.getByTestId('import-progress').count()).resolves.toBe(0);
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: { value: number; text: string }[] }).progressSeen,
    );
    // The bar advanced through values strictly between 0 and 100, never backwards, with the phase in words.
    expect(
      seen.some((s) => s.value > 0 && s.value < 100),
      JSON.stringify(seen),
    ).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.value).toBeGreaterThanOrEqual(seen[i - 1]!.value);
    expect(
      seen.every((s) => /^(Reading file|Merging [\d,]+ rows into the store|Finishing)… \d+ %$/.test(s.text)),
    ).toBe(true);
    expect(seen.some((s) => s.text.startsWith('Merging 300,000 rows into the store…'))).toBe(true);

    // The same file again, cancelled as soon as it starts: the dialog says nothing was stored. On an idle
    // machine the import takes about a second, less than a Playwright round trip, so the page itself clicks
    // Cancel the moment it appears, as a user waiting with the pointer on it would.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const cancel = document.querySelector<HTMLButtonElement>('[data-testid="btn-import-cancel"]');
        if (cancel && !cancel.disabled) {
          observer.disconnect();
          cancel.click();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('btn-import-run').click();
    await expect.poll(() => page.getByTestId('import-cancelled').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect(page.getByTestId('import-cancelled').innerText()).resolves.toBe(
      'Import cancelled — nothing from the file was stored.',
    );
    await expect(page.getByTestId('import-error').count()).resolves.toBe(0);
    await saveScreenshot(page, 'history-import-cancelled');
    await page.getByTestId('btn-history-close').click();
  });
});
