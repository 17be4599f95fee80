// An asset run in the background (beside the shown one) has its deployed normal-behaviour model score its rows
// and its predictive alarm recorded in its own history: the pump skid's simulator in the background, a real
// DuckDB history store and model registry in a temporary data folder.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TagDefinition } from '../../../core/asset/schema';
import { normalModelCard, trainNormalModel, type NormalModelCard } from '../../../core/ml/normal';
import { builtInAssetPath, readAssetFile } from '../../../electron/services/asset-files';
import type { LiveSourceSetup } from '../../../electron/services/asset-origin';
import { BackgroundAsset } from '../../../electron/services/background-asset';
import { predictiveAlarmAt } from '../../../electron/services/history/queries/alarms-at';
import { storePath } from '../../../electron/services/history/service';
import { HistoryStore } from '../../../electron/services/history/store/history-store';
import { LiveSimulation } from '../../../electron/services/live-simulation';
import { NormalRegistryStore } from '../../../electron/services/normal-models/normal-registry-store';
import { frameOf } from '../../core/ml/normal/synthetic';

const assetFile = builtInAssetPath(process.cwd());
const asset = readAssetFile(assetFile);
const FLOW = asset.tags.findIndex((t) => t.id === 'flow');

/** The simulator's first 400 rows at default setpoints, one per second, one value per asset tag. */
function simulatorRows(): number[][] {
  const out: number[][] = [];
  const sim = new LiveSimulation({
    asset,
    seed: 7,
    onAlarms: () => undefined,
    onTelemetry: (batch) => {
      for (let i = 0; i < batch.t.length; i++) out.push(batch.values.map((c) => c[i] ?? Number.NaN));
    },
  });
  sim.runFor(400);
  return out;
}

/** A model learnt where the flow ran `flowFactor` times what the simulator's default duty gives. */
function card(tags: readonly TagDefinition[], flowFactor: number, createdAt: string): NormalModelCard {
  const rows = simulatorRows().map((r) => r.map((v, j) => (j === FLOW ? v * flowFactor : v)));
  const { model, report } = trainNormalModel(frameOf(rows, tags), tags, { sampleRateHz: 1 });
  return normalModelCard(model, report, { asset: asset.id, trainedOn: 'simulator, 400 s', createdAt });
}

let dataDir: string;
let background: BackgroundAsset | null = null;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-background-predictive-'));
});

afterEach(async () => {
  await background?.stop();
  background = null;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the pump skid in the background for `seconds` of plant time, then stops it (its store closed). */
async function runInBackground(seconds: number): Promise<void> {
  const setup = { dataDir, secrets: {}, factories: {} } as unknown as LiveSourceSetup;
  background = new BackgroundAsset(
    { asset, model: null, source: 'built-in', assetDir: path.dirname(assetFile) },
    setup,
  );
  background.start();
  await background.recording;
  for (let s = 0; s < seconds; s += 10) background.tick(10_000, 10_000);
  await background.stop();
  background = null;
}

async function query(sql: string) {
  const db = await DuckDBInstance.create(storePath(dataDir, asset.id), { access_mode: 'READ_ONLY' });
  const connection = await db.connect();
  const reader = await connection.runAndReadAll(sql);
  connection.closeSync();
  return reader.getRowObjects();
}

const storedRows = async () =>
  Number((await query(`SELECT count(*) AS n FROM "samples__${asset.id}"`))[0]!.n);

async function predictiveTransitions() {
  const rows = await query(
    `SELECT ts, tag_id, from_state, to_state, message FROM alarms WHERE kind = 'predictive' ORDER BY ts`,
  );
  return rows.map((r) => ({
    ts: Number(r.ts),
    tagId: String(r.tag_id),
    from: r.from_state === null ? null : String(r.from_state),
    to: String(r.to_state),
    message: String(r.message),
  }));
}

function deploy(flowFactor: number): void {
  const registry = new NormalRegistryStore(dataDir);
  registry.deploy(
    asset.id,
    registry.save(asset.id, card(asset.tags, flowFactor, '2026-12-07T10:00:00.000Z')),
  );
}

describe('predictive alarm of a background asset', () => {
  it('is raised and stored in its own history when its flow leaves what its model learnt', async () => {
    // Learnt at a third more flow than the plant now runs: the model sees flow far below normal.
    deploy(1.33);
    await runInBackground(120);
    const stored = await predictiveTransitions();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored[0]).toMatchObject({ tagId: 'flow', from: null, to: 'unack' });
    expect(stored[0]!.message).toMatch(/why: flow/);
    // Stopping the asset closes what still stands, so a later replay does not show it forever.
    expect(stored.at(-1)!.to).toBe('normal');
  });

  it('is replayed as recorded: historyAt’s predictive alarm at a moment while it stood, none after it cleared', async () => {
    const registry = new NormalRegistryStore(dataDir);
    deploy(1.33);
    const threshold = registry.read(asset.id, registry.activeId(asset.id)!).model.threshold;
    await runInBackground(120);
    const [raised] = await predictiveTransitions();
    const closed = (await predictiveTransitions()).at(-1)!;
    const store = await HistoryStore.open({ path: storePath(dataDir, asset.id), asset });
    try {
      const during = await predictiveAlarmAt(store, raised!.ts + 5_000);
      expect(during).toMatchObject({
        id: 'normal-behaviour:predictive',
        state: 'unack',
        active: true,
        raisedAt: raised!.ts,
        componentId: asset.components.find((c) => c.tags.includes('flow'))!.id,
      });
      expect(during!.why[0]).toBe('flow');
      expect(during!.threshold).toBeCloseTo(threshold, 2);
      expect(during!.peakScore).toBeGreaterThan(threshold);
      expect(await predictiveAlarmAt(store, raised!.ts - 1)).toBeNull();
      expect(await predictiveAlarmAt(store, closed.ts + 1)).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('stays quiet on the normal running its model learnt', async () => {
    deploy(1);
    await runInBackground(120);
    expect(await storedRows()).toBeGreaterThanOrEqual(100);
    expect(await predictiveTransitions()).toEqual([]);
  });
});
