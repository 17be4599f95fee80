// The real pump testbed, live: web mode runs assets/skab-testbed bound to a real Mosquitto, the SKAB recording
// valve1/3.csv is replayed at 20×, and the user watches the inlet-valve closure arrive; the broker dies and comes
// back; history holds every sample published while the app was connected.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSkabCsv, SKAB_JSON_TOPIC, type SkabRow } from '../../scripts/lib/skab-replay';
import { SkabPublisher } from '../../scripts/lib/skab-publisher';
import { startWebServer } from '../../scripts/lib/web-session.mjs';
import { SKAB_DIR } from '../skab-dir';
import { Mosquitto, mosquittoSkipReason } from '../support/mosquitto';
import { listen, testClient } from '../support/mqtt-test-client';
import { launchBrowser, openApp, saveScreenshot } from './browser';

const RECORDING = path.join(SKAB_DIR, 'valve1', '3.csv');
const skip = mosquittoSkipReason() ?? (existsSync(RECORDING) ? null : `SKAB data not found at ${RECORDING}`);
if (skip) console.warn(`skab-live e2e skipped: ${skip}`);

let broker: Mosquitto;
let server: { url: string; stop: () => boolean };
let browser: Browser;
let page: Page;
let dataDir: string;
let rows: SkabRow[];
/** Source times of every message the broker delivered while the app was connected. */
const published: number[] = [];

const FLOW = 7; // tag index of flow_rate in assets/skab-testbed/asset.json
const displayed = (k: number) => page.evaluate((i) => window.__twinscape?.displayedValues?.()[i] ?? NaN, k);
const connectionState = () => page.getByTestId('status-source').innerText();

/** Replays `slice` at 20× through the broker and records what the broker delivered. */
async function replay(slice: readonly SkabRow[]): Promise<void> {
  const listener = await testClient(broker.url);
  const received = await listen(listener, SKAB_JSON_TOPIC);
  const publisher = new SkabPublisher(slice, { broker: broker.url, mode: 'json', speed: 20 });
  await publisher.connect();
  await publisher.run();
  await publisher.stop();
  await expect.poll(() => received.length, { timeout: 10_000 }).toBe(slice.length);
  await listener.endAsync();
  for (const m of received)
    published.push((JSON.parse(m.payload.toString()) as { timestamp: number }).timestamp);
}

beforeAll(async () => {
  if (skip) return;
  rows = readSkabCsv(RECORDING).rows;
  broker = await Mosquitto.start();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-skab-live-'));
  const previous = process.env.TWINSCAPE_DATA_DIR;
  process.env.TWINSCAPE_DATA_DIR = dataDir;
  server = await startWebServer([
    '--asset',
    'assets/skab-testbed/asset.json',
    '--connection',
    `testbed-broker=${broker.url}`,
  ]);
  if (previous === undefined) delete process.env.TWINSCAPE_DATA_DIR;
  else process.env.TWINSCAPE_DATA_DIR = previous;
  browser = await launchBrowser();
  page = await openApp(browser, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  await broker?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(skip)('SKAB testbed live over MQTT', () => {
  it('connects to the broker named on the command line', async () => {
    await expect.poll(connectionState, { timeout: 30_000 }).toContain('1/1 connected');
    expect(await page.getByTestId('asset-name').innerText()).toContain('SKAB');
  });

  it('shows the valve closure arrive live: flow drops on the flow meter', async () => {
    // Rows 530–729: normal running, then the inlet valve closes at row 573.
    const before = rows.slice(530, 570);
    await replay(before);
    await expect.poll(() => displayed(FLOW), { timeout: 10_000 }).toBeGreaterThan(31.5);
    const flowMeterBefore = await page.evaluate(() => window.__twinscape?.componentColor?.('flow_meter'));
    await saveScreenshot(page, 'skab-01-normal');
    await replay(rows.slice(570, 730));
    await expect.poll(() => displayed(FLOW), { timeout: 10_000 }).toBeLessThan(30.5);
    // Below its normal band and near the low-flow alarm, the flow meter leaves ISA-101 grey.
    await expect
      .poll(() => page.evaluate(() => window.__twinscape?.componentColor?.('flow_meter')), {
        timeout: 10_000,
      })
      .not.toEqual(flowMeterBefore);
    await saveScreenshot(page, 'skab-02-valve-closed');
  }, 90_000);

  it('turns the parts stale and says so when the broker dies', async () => {
    await broker.kill();
    await expect.poll(connectionState, { timeout: 20_000 }).toContain('0/1 connected');
    await expect
      .poll(() => page.evaluate(() => [...(window.__twinscape?.staleParts?.() ?? [])].sort()), {
        timeout: 20_000,
      })
      .toEqual(expect.arrayContaining(['flow_meter', 'motor', 'pressure_sensor', 'pump', 'tank']));
    await page.keyboard.press('c');
    const card = page.getByTestId('connection-card');
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('reconnecting');
    expect(await card.getByTestId('connection-error').innerText()).toContain(broker.url);
    await saveScreenshot(page, 'skab-03-broker-down');
    await page.getByTestId('btn-connections-close').click();
  }, 60_000);

  it('resumes when the broker is back, and history holds every sample published while connected', async () => {
    await broker.restart();
    await expect.poll(connectionState, { timeout: 60_000 }).toContain('1/1 connected');
    await replay(rows.slice(730, 790));
    await expect
      .poll(() => page.evaluate(() => window.__twinscape?.staleParts?.().length ?? -1), { timeout: 10_000 })
      .toBe(0);
    await saveScreenshot(page, 'skab-04-resumed');
    server.stop();
    await new Promise((r) => setTimeout(r, 3000)); // the server commits its last history on SIGTERM
    const db = await DuckDBInstance.create(path.join(dataDir, 'history', 'skab-testbed.duckdb'), {
      access_mode: 'READ_ONLY',
    });
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT ts FROM "samples__skab-testbed" WHERE q_flow_rate = 0 AND ts BETWEEN ${Math.min(...published)} AND ${Math.max(...published)}`,
    );
    const stored = new Set(reader.getRowObjects().map((r) => Number(r.ts)));
    connection.closeSync();
    const missing = published.filter((t) => !stored.has(t));
    expect(published).toHaveLength(260);
    expect(missing).toEqual([]);
  }, 120_000);
});
