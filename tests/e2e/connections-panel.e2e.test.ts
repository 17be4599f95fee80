// An asset bound to an MQTT broker where nothing listens: the user sees where the data should come from,
// that it does not, and why — in the status bar, the Connections panel, the tag table and the 3D view, and
// in Chinese.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callBackend, resetBackend } from './backend-control';
import { launchBrowser, openApp, saveScreenshot } from './browser';

const BUILT_IN = 'assets/pump-skid/asset.json';
let browser: Browser;
let page: Page;
let dir: string;
let brokerUrl: string;

/** A local port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The pump skid with two tags bound to `url` and the speed setpoint writable through it. */
function liveAssetFile(url: string): string {
  const asset = JSON.parse(readFileSync(BUILT_IN, 'utf8')) as Record<string, unknown>;
  asset.sources = {
    use: 'live',
    connections: [{ id: 'plant-broker', kind: 'mqtt', url }],
    bindings: [
      { tag: 'motor_speed', connection: 'plant-broker', topic: 'plant/p101/motor_speed', value: '/value' },
      {
        tag: 'bearing_de_temp',
        connection: 'plant-broker',
        topic: 'plant/p101/bearing_de_temp',
        value: '/value',
      },
    ],
    writes: [
      {
        control: 'speed_setpoint',
        connection: 'plant-broker',
        topic: 'plant/p101/speed/set',
        writable: true,
      },
    ],
  };
  const file = path.join(dir, 'live-skid.json');
  writeFileSync(file, JSON.stringify(asset));
  return file;
}

beforeAll(async () => {
  await resetBackend(inject('baseUrl'));
  dir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-live-'));
  brokerUrl = `mqtt://127.0.0.1:${await closedPort()}`;
  browser = await launchBrowser();
  page = await openApp(browser, inject('baseUrl'));
  await page.getByTestId('asset-file-input').setInputFiles([liveAssetFile(brokerUrl)]);
});

afterAll(async () => {
  await browser?.close();
  // Later test files expect the built-in skid on its simulator.
  await callBackend(inject('baseUrl'), [
    { method: 'loadAsset', payload: { fileName: 'asset.json', text: readFileSync(BUILT_IN, 'utf8') } },
  ]);
  rmSync(dir, { recursive: true, force: true });
});

describe('Connections panel for a broker that does not answer', () => {
  it('shows the live source and its health in the status bar', async () => {
    const source = page.getByTestId('status-source');
    await expect.poll(() => source.innerText(), { timeout: 20_000 }).toContain('Live · MQTT');
    expect(await source.innerText()).toContain('0/1 connected');
    expect(['failed', 'degraded']).toContain(await source.getAttribute('data-health'));
    expect(await source.getAttribute('title')).toContain('127.0.0.1');
    await saveScreenshot(page, 'connections-01-status-bar');
  });

  it('opens with C and names the broker address, its state and why it has no data', async () => {
    await page.keyboard.press('c');
    const card = page.getByTestId('connection-card');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.getByTestId('connection-url').innerText()).toBe(brokerUrl);
    await expect
      .poll(() => card.getAttribute('data-state'), { timeout: 20_000 })
      .toMatch(/^(failed|reconnecting)$/);
    await expect
      .poll(() => card.getByTestId('connection-error').innerText(), { timeout: 20_000 })
      .toContain(`nothing is listening at ${brokerUrl}`);
    expect(await card.getByTestId('connection-state').innerText()).toMatch(/Failed|Reconnecting/);
    await saveScreenshot(page, 'connections-02-panel');
  });

  it('lists the bound tags as never received, also under the problem filter', async () => {
    const rows = page.getByTestId('tag-source-row');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId('tag-sources-filter').check();
    await expect.poll(() => rows.count()).toBe(2);
    const motor = page.locator('[data-testid="tag-source-row"][data-tag-id="motor_speed"]');
    expect(await motor.innerText()).toContain('never received');
    expect(await motor.innerText()).toContain('plant/p101/motor_speed');
    await page.getByTestId('btn-connections-close').click();
    await expect.poll(() => page.getByTestId('connections-dialog').count()).toBe(0);
  });

  it('draws the parts without data hatched and says so in their tag rows', async () => {
    await expect
      .poll(() => page.evaluate(() => [...(window.__twinscape?.staleParts?.() ?? [])].sort()), {
        timeout: 10_000,
      })
      .toEqual(['bearing_de', 'motor']);
    const row = page.locator('[data-testid="tag-row"][data-tag-id="motor_speed"]');
    expect(await row.getByTestId('tag-quality').innerText()).toBe('never received');
    await saveScreenshot(page, 'connections-03-hatched-parts');
  });

  it('leaves the simulator controls out and keeps unwritable setpoints read-only', async () => {
    await page.getByTestId('tab-simulation').click();
    const panel = page.getByTestId('simulation-panel');
    await expect.poll(() => panel.getByTestId('live-source-note').count()).toBe(1);
    expect(await panel.getByTestId('btn-run-pause').count()).toBe(0);
    const valve = panel.locator('[data-control-id="valve_setpoint"]');
    expect(await valve.getByTestId('control-read-only').innerText()).toBe('read-only on the live source');
    expect(await panel.getByTestId('control-write-speed_setpoint').count()).toBe(1);
  });

  it('says why in Chinese once the language is 简体中文, keeping the address', async () => {
    await page.getByTestId('language-select').selectOption('zh-CN');
    await page.keyboard.press('c');
    const card = page.getByTestId('connection-card');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => card.getByTestId('connection-error').innerText(), { timeout: 20_000 })
      .toBe(`${brokerUrl} 上没有服务在监听（连接被拒绝）`);
    await saveScreenshot(page, 'connections-04-zh-CN');
    await page.getByTestId('btn-connections-close').click();
    await page.getByTestId('language-select').selectOption('en');
  });
});
