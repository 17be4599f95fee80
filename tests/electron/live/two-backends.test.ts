// Scale-out rides on the broker: two backends subscribed to one real Mosquitto each store every sample.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePath } from '../../../electron/services/history/service';
import { createTwinBackend, type TwinBackend } from '../../../electron/services/twin-backend';
import { wideLiveAsset } from '../../../scripts/lib/wide-live-asset';
import { Mosquitto, mosquittoSkipReason } from '../../support/mosquitto';
import { testClient } from '../../support/mqtt-test-client';

const skip = mosquittoSkipReason();
const TOPIC = 'plant/line1/wide';
const MESSAGES = 300;

let broker: Mosquitto;
const dirs: string[] = [];

beforeAll(async () => {
  if (!skip) broker = await Mosquitto.start();
});

afterAll(async () => {
  await broker?.dispose();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function countStored(dataDir: string, from: number, to: number): Promise<number> {
  const db = await DuckDBInstance.create(storePath(dataDir, 'bench-wide'), { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM "samples__bench-wide" WHERE ts BETWEEN ${from} AND ${to} AND q_t000 = 0`,
  );
  connection.closeSync();
  return Number(reader.getRowObjects()[0]?.n ?? 0);
}

describe.skipIf(skip)('two backends on one broker', () => {
  it('both store every sample published while they were connected', async () => {
    const backends: { backend: TwinBackend; dataDir: string }[] = [];
    for (const name of ['a', 'b']) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `twinscape-two-backends-${name}-`));
      dirs.push(dir);
      const asset = wideLiveAsset(8, TOPIC) as { sources: { connections: Record<string, unknown>[] } };
      asset.sources.connections[0]!.clientId = `twinscape-test-backend-${name}-${process.pid}`;
      const assetPath = path.join(dir, 'asset.json');
      fs.writeFileSync(assetPath, JSON.stringify(asset));
      const dataDir = path.join(dir, 'data');
      const backend = await createTwinBackend({
        host: 'web',
        assetPath,
        dataDir,
        connectionOverrides: { bench: broker.url },
      });
      backends.push({ backend, dataDir });
    }
    await broker.waitForSubscription(TOPIC, 2);
    const publisher = await testClient(broker.url);
    const t0 = Date.now();
    for (let i = 0; i < MESSAGES; i++)
      await publisher.publishAsync(TOPIC, JSON.stringify({ ts: t0 + i, v: [i, 1, 2, 3, 4, 5, 6, 7] }), {
        qos: 1,
      });
    await publisher.endAsync();
    await new Promise((r) => setTimeout(r, 1500)); // the reorder window and one history commit
    for (const { backend } of backends) await backend.dispose();
    for (const { dataDir } of backends)
      expect(await countStored(dataDir, t0, t0 + MESSAGES - 1)).toBe(MESSAGES);
  }, 60_000);
});
