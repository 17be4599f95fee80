// "Learn normal" for an asset with no labelled faults, in Chromium against the real web-mode backend: the SKAB
// testbed imports the real recording valve1/5.csv into history, learns its normal behaviour from the first
// 400 seconds in the Models dialog (trained in the inference worker), deploys it (stored by the backend),
// and replays the file: during the inlet-valve closure the parts turn toward the anomaly end of the colormap
// and a predictive alarm names flow or pressure as the reason.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../scripts/lib/web-session.mjs';
import { SKAB_DIR } from '../skab-dir';
import { launchBrowser, openApp, saveScreenshot } from './browser';
import { scrubTo } from './timeline';

const RECORDING = path.join(SKAB_DIR, 'valve1', '5.csv');
const skip = existsSync(RECORDING) ? null : `SKAB data not found at ${RECORDING}`;
if (skip) console.warn(`learn-normal e2e skipped: ${skip}`);

/** CSV column → testbed tag (assets/skab-testbed/asset.json). */
const COLUMNS: Record<string, string> = {
  Accelerometer1RMS: 'accel1_rms',
  Accelerometer2RMS: 'accel2_rms',
  Current: 'motor_current',
  Pressure: 'loop_pressure',
  Temperature: 'motor_temp',
  Thermocouple: 'fluid_temp',
  Voltage: 'motor_voltage',
  'Volume Flow RateRMS': 'flow_rate',
};
/** Row 577 of valve1/5.csv (1 Hz from its first row) starts the valve closure, labelled until row 979. */
const CLOSURE_FROM_S = 577;
/** Parts carrying flow and pressure, where the closure shows. */
const FLOW_PARTS = ['flow_meter', 'pressure_sensor'];

let server: { url: string; stop: () => boolean };
let browser: Browser;
let page: Page;
let dataDir: string;
let firstRowMs: number;

type Hooks = NonNullable<Window['__twinscape']>;
const score = (id: string) => page.evaluate((c) => (window.__twinscape as Hooks).componentScore!(c), id);
const highestFlowScore = async () => Math.max(...(await Promise.all(FLOW_PARTS.map(score))));
const predictive = () => page.getByTestId('predictive-alarm');

beforeAll(async () => {
  if (skip) return;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-learn-normal-'));
  // Web mode imports only from its exchange folder; the recording is copied to the temporary data folder.
  mkdirSync(path.join(dataDir, 'exchange'), { recursive: true });
  copyFileSync(RECORDING, path.join(dataDir, 'exchange', 'valve1-5.csv'));
  const firstLine = readFileSync(RECORDING, 'utf8').split('\n')[1]!;
  firstRowMs = Date.parse(`${firstLine.split(';')[0]!.replace(' ', 'T')}Z`);
  const previous = process.env.TWINSCAPE_DATA_DIR;
  process.env.TWINSCAPE_DATA_DIR = dataDir;
  server = await startWebServer(['--asset', 'assets/skab-testbed/asset.json']);
  if (previous === undefined) delete process.env.TWINSCAPE_DATA_DIR;
  else process.env.TWINSCAPE_DATA_DIR = previous;
  browser = await launchBrowser();
  page = await openApp(browser, server.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('learn normal for the SKAB testbed, in the app', () => {
  it('imports valve1/5.csv into history', async () => {
    expect(await page.getByTestId('asset-name').innerText()).toContain('SKAB');
    await page.getByTestId('btn-history').click();
    await page.getByTestId('history-tab-import').click();
    await page.getByTestId('import-path').fill('valve1-5.csv');
    await page.getByTestId('btn-import-preview').click();
    await page.getByTestId('import-preview-table').waitFor({ timeout: 30_000 });
    for (const [column, tag] of Object.entries(COLUMNS))
      await page.locator(`[data-testid="import-map-${column}"]`).selectOption(`tag:${tag}`);
    await page.locator('[data-testid="import-map-anomaly"]').selectOption('ignore');
    await page.locator('[data-testid="import-map-changepoint"]').selectOption('ignore');
    await page.getByTestId('btn-import-run').click();
    await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-inserted').innerText()).toBe('1,154');
    await page.getByTestId('btn-history-close').click();
  }, 120_000);

  it('learns normal from the first 400 s in the worker, shows the held-out report, and deploys it', async () => {
    await expect
      .poll(() => page.getByTestId('timeline-track').getAttribute('data-from').then(Number), {
        timeout: 30_000,
      })
      .toBe(firstRowMs);
    await page.getByTestId('btn-models').click();
    const section = page.getByTestId('learn-normal');
    await section.waitFor();
    // Half a minute is too short for the model: refused before training, naming the rows and time range.
    await page.getByTestId('normal-minutes').fill('0.5');
    await page.getByTestId('btn-learn-normal').click();
    const refusal = page.getByTestId('normal-refusal').first();
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.getAttribute('data-code')).toBe('too-short');
    expect(await refusal.innerText()).toMatch(/30 row\(s\).*11:54:36Z/s);
    expect(await page.getByTestId('normal-message').getAttribute('data-status')).toBe('refused');
    expect(await page.getByTestId('normal-outcome').count()).toBe(0);

    await page.getByTestId('normal-minutes').fill(String(400 / 60));
    await page.getByTestId('normal-budget').fill('1');
    await page.getByTestId('btn-learn-normal').click();
    const outcome = page.getByTestId('normal-outcome');
    await outcome.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('normal-refusals').count()).toBe(0);
    const report = await page.getByTestId('normal-report').innerText();
    expect(report).toContain('400 (fit 300, held out 100)');
    expect(await page.getByTestId('normal-heldout-fa').innerText()).toMatch(/^\d+ in 100 held-out rows/);
    await page.getByTestId('btn-deploy-normal').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'learn-normal-report');

    await page.getByTestId('btn-deploy-normal').click();
    const version = page.getByTestId('normal-version');
    await expect.poll(() => version.getAttribute('data-active'), { timeout: 20_000 }).toBe('true');
    expect(await version.getAttribute('data-version')).toMatch(/^normal-\d{8}-\d{6}$/);
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).normalModel!.state().status), {
        timeout: 20_000,
      })
      .toBe('running');
    // Stored by the backend in its data folder, as the command-line trainer would find it.
    const active = JSON.parse(
      readFileSync(path.join(dataDir, 'models', 'skab-testbed', 'normal', 'active.json'), 'utf8'),
    ) as { id: string };
    expect(active.id).toBe(await version.getAttribute('data-version'));
    await page.getByTestId('btn-models-close').click();
  }, 120_000);

  it('replays the file: grey before the closure; during it the flow parts turn toward the anomaly end and a predictive alarm names flow or pressure', async () => {
    await page.getByTestId('color-by-select').selectOption('prediction');
    await scrubTo(page, firstRowMs + (CLOSURE_FROM_S - 60) * 1000);
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).normalModel!.state().replay?.at ?? 0), {
        timeout: 30_000,
      })
      .toBeGreaterThan(firstRowMs);
    // Scored (a finite score under the threshold), and the flow parts below the threshold's mid-scale point.
    const before = await page.evaluate(() => (window.__twinscape as Hooks).normalModel!.state().replay!);
    expect(before.alarm).toBe(false);
    expect(Number.isFinite(before.score)).toBe(true);
    await expect.poll(highestFlowScore, { timeout: 30_000 }).toBeLessThan(0.5);
    expect(await predictive().count()).toBe(0);

    await scrubTo(page, firstRowMs + (CLOSURE_FROM_S + 150) * 1000);
    // The threshold is mid-scale: above 0.5 is past it, toward the bright end of viridis.
    await expect.poll(highestFlowScore, { timeout: 30_000 }).toBeGreaterThan(0.5);
    await predictive().waitFor({ timeout: 30_000 });
    expect(await predictive().getAttribute('data-state')).toBe('unack');
    const why = (await predictive().getAttribute('data-why'))!.split(',');
    expect(why.some((tag) => tag === 'flow_rate' || tag === 'loop_pressure')).toBe(true);
    expect(await page.getByTestId('predictive-why').innerText()).toMatch(/FT101|PT101/);
    await saveScreenshot(page, 'learn-normal-closure-alarm');
    await page.getByTestId('btn-ack-predictive').click();
    await expect.poll(() => predictive().getAttribute('data-state')).toBe('ack');

    // The alarm's part is selected from the list; the parts carrying the "why" tags are outlined in 3D.
    await predictive().getByRole('button', { name: 'PRED' }).click();
    await expect
      .poll(() => page.evaluate(() => (window.__twinscape as Hooks).whyOutlines!()), { timeout: 30_000 })
      .toContain('flow_meter');
    expect(await page.getByTestId('selection-normal-score').innerText()).toContain('FT101');
    await saveScreenshot(page, 'learn-normal-closure-why');
  }, 120_000);

  it('keeps the deployed version across a reload: loaded again and listed as running', async () => {
    await page.reload();
    await page.getByTestId('app-root').waitFor({ timeout: 90_000 });
    await expect
      .poll(() => page.evaluate(() => window.__twinscape?.normalModel?.state().status), { timeout: 60_000 })
      .toBe('running');
    await page.getByTestId('btn-models').click();
    await expect
      .poll(() => page.getByTestId('normal-version').getAttribute('data-active'), { timeout: 20_000 })
      .toBe('true');
    await page.getByTestId('btn-models-close').click();
  }, 120_000);
});
