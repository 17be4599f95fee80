// The deployed normal-behaviour model's predictive alarm, live, in Chromium against the real web-mode backend on
// the pump-skid simulator: the backend raises it (a card trained on the simulator's normal running is deployed
// in the data folder before start), an operator window and a viewer window both list it with its why, the
// viewer cannot acknowledge it, and the operator's Ack shows in both windows.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalModelCard, trainNormalModel } from '../../core/ml/normal';
import { builtInAssetPath, readAssetFile } from '../../electron/services/asset-files';
import { LiveSimulation } from '../../electron/services/live-simulation';
import { NormalRegistryStore } from '../../electron/services/normal-models/normal-registry-store';
import { frameOf } from '../core/ml/normal/synthetic';
import { callBackend } from './backend-control';
import { launchBrowser, openApp } from './browser';

const asset = readAssetFile(builtInAssetPath(process.cwd()));

/** Deploys a card trained on the simulator's first 400 s of normal running, as the app would store it. */
function deployPumpSkidCard(dataDir: string): void {
  const rows: number[][] = [];
  new LiveSimulation({
    asset,
    seed: 7,
    onAlarms: () => undefined,
    onTelemetry: (batch) => {
      for (let i = 0; i < batch.t.length; i++) rows.push(batch.values.map((c) => c[i] ?? Number.NaN));
    },
  }).runFor(400);
  const { model, report } = trainNormalModel(frameOf(rows, asset.tags), asset.tags, { sampleRateHz: 1 });
  const card = normalModelCard(model, report, {
    asset: asset.id,
    trainedOn: 'simulator, first 400 s',
    createdAt: '2026-12-07T10:00:00.000Z',
  });
  const registry = new NormalRegistryStore(dataDir);
  registry.deploy(asset.id, registry.save(asset.id, card));
}

/** The web-mode server with both addresses it prints: the operator's and the viewer's. */
async function startServer(
  dataDir: string,
): Promise<{ child: ChildProcess; operator: string; viewer: string }> {
  if (!existsSync('dist/backend/web.cjs')) throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawn(process.execPath, ['dist/backend/web.cjs', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TWINSCAPE_DATA_DIR: dataDir },
  });
  let printed = '';
  const urls = await new Promise<{ operator: string; viewer: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('web server did not start within 30 s')), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const operator = /running at (https?:\/\/\S+)/.exec(printed)?.[1];
      const viewer = /Viewer address[^:]*: (https?:\/\/\S+)/.exec(printed)?.[1];
      if (operator && viewer) {
        clearTimeout(timer);
        resolve({ operator, viewer });
      }
    });
  });
  return { child, ...urls };
}

let dataDir: string;
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let browser: Browser;
let operator: Page;
let viewer: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-predictive-live-'));
  deployPumpSkidCard(dataDir);
  server = await startServer(dataDir);
  browser = await launchBrowser();
  operator = await openApp(browser, server.operator);
  viewer = await openApp(browser, server.viewer);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('predictive alarm raised by the backend, live', () => {
  it('lists it with its why in the operator and the viewer window; only the operator acknowledges it', async () => {
    await callBackend(server!.operator, [{ method: 'simCommand', payload: { kind: 'speed', speed: 20 } }]);
    // A minute of normal running fills the model's window: no alarm.
    await operator.waitForTimeout(3000);
    expect(await operator.getByTestId('predictive-alarm').count()).toBe(0);
    await callBackend(server!.operator, [
      { method: 'injectFault', payload: { faultId: 'sensor_bias', severity: 1, targetTag: 'flow' } },
    ]);
    for (const page of [operator, viewer]) {
      const row = page.getByTestId('predictive-alarm');
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getAttribute('data-state')).toBe('unack');
      expect((await row.getAttribute('data-why'))!.split(',')[0]).toBe('flow');
      expect(await page.getByTestId('predictive-why').innerText()).toMatch(/FT/);
    }
    expect(await viewer.getByTestId('btn-ack-predictive').isDisabled()).toBe(true);
    await operator.getByTestId('btn-ack-predictive').click();
    for (const page of [operator, viewer])
      await expect
        .poll(() => page.getByTestId('predictive-alarm').getAttribute('data-state'), { timeout: 10_000 })
        .toBe('ack');
  }, 120_000);
});
