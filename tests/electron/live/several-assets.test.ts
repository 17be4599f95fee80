// One backend runs several assets at once: the pump skid on its simulator is shown while an MQTT-bound asset
// records in the background; after a switch the roles turn and both keep recording into their own stores.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetSummary } from '../../../core/api/domains/assets';
import type { SessionInfo } from '../../../core/api/types';
import { storePath } from '../../../electron/services/history/service';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { wideLiveAsset } from '../../../scripts/lib/wide-live-asset';
import { Mosquitto, mosquittoSkipReason } from '../../support/mosquitto';
import { testClient } from '../../support/mqtt-test-client';

const skip = mosquittoSkipReason();
const TOPIC = 'plant/line2/wide';

let broker: Mosquitto;
let backend: TwinBackend;
let dir: string;
let dataDir: string;

async function call<T>(method: Parameters<TwinBackend['invoke']>[0], payload: unknown = {}): Promise<T> {
  const r = await backend.invoke(method, payload);
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
}

async function publish(from: number, count: number): Promise<number[]> {
  const client = await testClient(broker.url);
  const t0 = Date.now();
  const sent: number[] = [];
  for (let i = 0; i < count; i++) {
    sent.push(t0 + i);
    await client.publishAsync(TOPIC, JSON.stringify({ ts: t0 + i, v: [from + i, 1, 2, 3, 4, 5, 6, 7] }), {
      qos: 1,
    });
  }
  await client.endAsync();
  return sent;
}

async function storedTimes(assetId: string, table: string): Promise<Set<number>> {
  const db = await DuckDBInstance.create(storePath(dataDir, assetId), { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(`SELECT ts FROM "${table}"`);
  connection.closeSync();
  return new Set(reader.getRowObjects().map((r) => Number(r.ts)));
}

beforeAll(async () => {
  if (skip) return;
  broker = await Mosquitto.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twinscape-several-'));
  dataDir = path.join(dir, 'data');
  const wide = wideLiveAsset(8, TOPIC) as { sources: { connections: Record<string, unknown>[] } };
  wide.sources.connections[0]!.clientId = `twinscape-test-several-${process.pid}`;
  const widePath = path.join(dir, 'wide.json');
  fs.writeFileSync(widePath, JSON.stringify(wide));
  backend = await createTwinBackend({
    host: 'web',
    dataDir,
    backgroundAssetPaths: [widePath],
    connectionOverrides: { bench: broker.url },
  });
}, 60_000);

afterAll(async () => {
  await backend?.dispose();
  await broker?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skip)('several assets in one backend', () => {
  it('lists every running asset with its health; the background one records its live data', async () => {
    await broker.waitForSubscription(TOPIC);
    await publish(0, 50);
    await expect
      .poll(
        async () => (await call<AssetSummary[]>('listAssets')).map((a) => [a.assetId, a.active, a.health]),
        {
          timeout: 10_000,
        },
      )
      .toEqual([
        ['pump-skid', true, 'ok'],
        ['bench-wide', false, 'ok'],
      ]);
    const wide = (await call<AssetSummary[]>('listAssets'))[1]!;
    expect(wide).toMatchObject({
      mode: 'live',
      connected: 1,
      connections: 1,
      source: expect.stringContaining('Live: MQTT'),
    });
  });

  it('switches the shown asset; the one shown before keeps running and recording in the background', async () => {
    const before = (await call<SessionInfo>('getSession')).sim.simTime;
    const listed = await call<AssetSummary[]>('switchAsset', { assetId: 'bench-wide' });
    expect(listed.map((a) => [a.assetId, a.active])).toEqual([
      ['bench-wide', true],
      ['pump-skid', false],
    ]);
    expect((await call<SessionInfo>('getSession')).asset.id).toBe('bench-wide');
    await broker.waitForSubscription(TOPIC, 2);
    const sent = await publish(1000, 50);
    await expect
      .poll(async () => (await call<AssetSummary[]>('listAssets'))[0]?.connected, { timeout: 10_000 })
      .toBe(1);
    await new Promise((r) => setTimeout(r, 3000)); // the skid's simulator runs on, in the background
    await call('switchAsset', { assetId: 'pump-skid' }); // closes the wide asset's store as shown asset
    await backend.dispose();
    const wideTimes = await storedTimes('bench-wide', 'samples__bench-wide');
    expect(sent.filter((t) => !wideTimes.has(t))).toEqual([]);
    const skidTimes = [...(await storedTimes('pump-skid', 'samples__pump-skid'))];
    expect(Math.max(...skidTimes)).toBeGreaterThan(before + 1000);
  }, 60_000);

  it('refuses to switch to an asset that does not run, naming the running ones', async () => {
    const fresh = await createTwinBackend({ host: 'web', dataDir: path.join(dir, 'other') });
    const r = await fresh.invoke('switchAsset', { assetId: 'turbofan' });
    await fresh.dispose();
    expect(r).toMatchObject({ ok: false, error: 'no running asset "turbofan"; running: pump-skid' });
  });
});
