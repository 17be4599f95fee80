// The backend's predictive alarm monitor on a real registry folder: raise on a disturbed tag with its why and
// part, return to normal, acknowledgement, a new sandbox run starting afresh, late rows ignored, and a card
// that does not fit the asset refused with a notice naming the tag.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelemetryBatch } from '../../../core/api/types';
import type { AssetDefinition } from '../../../core/asset/schema';
import { normalModelCard, trainNormalModel } from '../../../core/ml/normal';
import { NormalRegistryStore } from '../../../electron/services/normal-models/normal-registry-store';
import { PredictiveAlarmMonitor } from '../../../electron/services/normal-models/predictive-alarm-monitor';
import type { Phrase } from '../../../core/text/phrase';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { phraseText } from '../../../renderer/src/i18n/phrase-text';
import { frameOf, normalRows, syntheticTags } from '../../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const asset = {
  id: 'test-rig',
  name: 'Test rig',
  tags,
  components: [
    { id: 'a', tags: ['t0'] },
    { id: 'b', tags: ['t1', 't2'] },
  ],
} as unknown as AssetDefinition;
const trained = trainNormalModel(frameOf(normalRows(400, 3, 7), tags), tags);

let dataDir: string;
let registry: NormalRegistryStore;
let notices: string[];
let phrases: Phrase[];
let monitor: PredictiveAlarmMonitor;
let clock: number;

/** Rows one second apart from the monitor's clock on, as a telemetry batch (values per tag). */
function batch(rows: number[][], extra: Partial<TelemetryBatch> = {}): TelemetryBatch {
  const t = rows.map(() => (clock += 1000));
  return {
    assetId: asset.id,
    t,
    values: tags.map((_, j) => rows.map((r) => r[j] ?? null)),
    quality: tags.map(() => rows.map(() => 0)),
    ...extra,
  };
}
const disturbed = (n: number, seed: number) => normalRows(n, 3, seed).map(([, b, c]) => [25, b!, c!]);

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-predictive-monitor-'));
  registry = new NormalRegistryStore(dataDir);
  notices = [];
  phrases = [];
  monitor = new PredictiveAlarmMonitor(registry, (_, message, phrase) => {
    notices.push(message);
    phrases.push(phrase);
  });
  clock = Date.UTC(2026, 0, 1);
  const card = normalModelCard(trained.model, trained.report, {
    asset: asset.id,
    trainedOn: 'rows 1–400',
    createdAt: '2026-12-07T10:00:00Z',
  });
  registry.deploy(asset.id, registry.save(asset.id, card));
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('PredictiveAlarmMonitor', () => {
  it('raises on a disturbed tag, goes rtn-unack when it returns to normal, and clears on Ack', () => {
    monitor.load(asset);
    expect(monitor.versionId).not.toBeNull();
    expect(monitor.scoreBatch(asset, batch(normalRows(60, 3, 21)))).toBe(false);
    expect(monitor.alarm).toBeNull();
    expect(monitor.scoreBatch(asset, batch(disturbed(30, 22)))).toBe(true);
    expect(monitor.alarm).toMatchObject({ state: 'unack', active: true, componentId: 'a' });
    expect(monitor.alarm!.why[0]).toBe('t0');
    expect(monitor.alarm!.peakScore).toBeGreaterThan(monitor.alarm!.threshold);
    expect(monitor.scoreBatch(asset, batch(normalRows(60, 3, 23)))).toBe(true);
    expect(monitor.alarm).toMatchObject({ state: 'rtn-unack', active: false });
    monitor.acknowledge();
    expect(monitor.alarm).toBeNull();
    expect(() => monitor.acknowledge()).toThrow(/no predictive alarm stands/);
  });

  it('ignores late rows and starts afresh for a sandbox run', () => {
    monitor.load(asset);
    monitor.scoreBatch(asset, batch(normalRows(30, 3, 21)));
    expect(monitor.scoreBatch(asset, batch(disturbed(30, 22), { late: true }))).toBe(false);
    expect(monitor.alarm).toBeNull();
    monitor.scoreBatch(asset, batch(disturbed(30, 22)));
    expect(monitor.alarm?.state).toBe('unack');
    // The first rows of a sandbox run are normal: the plant's alarm is not carried into it.
    monitor.scoreBatch(asset, batch(normalRows(5, 3, 24), { runId: 'drill-1' }));
    expect(monitor.alarm).toBeNull();
  });

  it('does not load a card whose tag changed unit and says which tag; nothing is scored', () => {
    const changed = { ...asset, tags: tags.map((t) => (t.id === 't1' ? { ...t, unit: 'bar' } : t)) };
    monitor.load(changed);
    expect(monitor.versionId).toBeNull();
    expect(monitor.problem?.message).toMatch(/tag "t1" is in bar/);
    expect(notices).toEqual([monitor.problem?.message]);
    expect(monitor.scoreBatch(changed, batch(disturbed(30, 22)))).toBe(false);
    expect(monitor.alarm).toBeNull();
  });

  it('words its notice in English as written and in Chinese with the tag and units', async () => {
    monitor.load({ ...asset, tags: tags.map((t) => (t.id === 't1' ? { ...t, unit: 'bar' } : t)) });
    const [phrase] = phrases;
    expect(phraseText(phrase, 'English words')).toBe(notices[0]);
    await i18n.changeLanguage('zh-CN');
    try {
      expect(phraseText(phrase, 'English words')).toMatch(
        /^后端未加载正常行为模型 normal-\S+，因此不会产生预测报警：标签“t1”在资产中的单位是 bar，但模型训练时用的是 \S+；请重新训练模型$/,
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('has nothing to score when no version is deployed', () => {
    registry.deploy(asset.id, null);
    monitor.load(asset);
    expect(monitor.problem).toBeNull();
    expect(monitor.scoreBatch(asset, batch(disturbed(30, 22)))).toBe(false);
    expect(notices).toEqual([]);
  });
});
