// The live loop's loading rule: the deployed version is loaded into the worker only when its card fits the
// asset's tags; otherwise nothing is loaded and the app says which tag differs.
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalModelRegistry } from '../../core/api/domains/normal-models';
import type { SessionInfo } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import { normalModelCard, trainNormalModel } from '../../core/ml/normal';
import type { InferenceClient } from '../../renderer/src/inference/inference-api';
import { NormalScorers } from '../../renderer/src/inference/normal-scoring';
import { i18n } from '../../renderer/src/i18n/i18n';
import { startNormalModelLoop } from '../../renderer/src/predictions/normal-model-loop';
import { normalModelStore } from '../../renderer/src/state/normal-model-store';
import { sessionStore } from '../../renderer/src/state/session-store';
import { predictionStore } from '../../renderer/src/state/prediction-store';
import { predictiveAlarmStore } from '../../renderer/src/state/predictive-alarm-store';
import { resetTelemetry, telemetryStore } from '../../renderer/src/state/telemetry-store';
import { frameOf, normalRows, syntheticTags } from '../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const trained = trainNormalModel(frameOf(normalRows(400, 3, 5), tags), tags);
const card = normalModelCard(trained.model, trained.report, {
  asset: 'test-rig',
  trainedOn: 'rows 1–400',
  createdAt: '2026-01-01T00:00:00Z',
});
const registry: NormalModelRegistry = {
  assetId: 'test-rig',
  versions: [{ id: 'normal-20260101-000000', card }],
  activeId: 'normal-20260101-000000',
  problems: [],
};

/** The worker's scorers behind the client calls the loop makes. */
function workerClient(loaded: string[]): InferenceClient {
  const scorers = new NormalScorers();
  return {
    ready: () => Promise.resolve({ backend: 'cpu', adapter: 'test' }),
    loadNormalModel: (id: string, c: unknown) => {
      loaded.push(id);
      return Promise.resolve(scorers.load(id, c));
    },
    scoreNormal: (id: string, rows: Float64Array, fresh: boolean) =>
      Promise.resolve(fresh ? scorers.scoreFresh(id, rows) : scorers.push(id, rows)),
  } as unknown as InferenceClient;
}

/** Live samples 1 s apart into the telemetry ring, as the connection does. */
function pushLive(rows: number[][], t0: number): void {
  const { ring, version } = telemetryStore.getState();
  ring.push({
    assetId: 'test-rig',
    t: rows.map((_, i) => t0 + i * 1000),
    values: tags.map((_, j) => rows.map((r) => r[j]!)),
    quality: tags.map(() => rows.map(() => 0)),
  });
  telemetryStore.setState({ version: version + 1 });
}

const showAsset = (assetTags: AssetDefinition['tags']) =>
  sessionStore.setState({
    session: {
      asset: {
        id: 'test-rig',
        name: 'Test rig',
        tags: assetTags,
        components: [
          { id: 'a', tags: ['t0'] },
          { id: 'b', tags: ['t1', 't2'] },
        ],
      },
    } as unknown as SessionInfo,
  });

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  sessionStore.setState({ session: null });
});

describe('loading the deployed normal-behaviour model', () => {
  it('loads a card that fits the asset', async () => {
    const loaded: string[] = [];
    showAsset(tags);
    stop = startNormalModelLoop({ listNormalModels: () => Promise.resolve(registry) }, workerClient(loaded));
    await expect.poll(() => normalModelStore.getState().status).toBe('running');
    expect(normalModelStore.getState().versionId).toBe('normal-20260101-000000');
    expect(loaded).toEqual(['normal-behaviour']);
  });

  it('does not load a card whose tag was renamed, and names the tag', async () => {
    const loaded: string[] = [];
    showAsset(tags.map((t) => (t.id === 't1' ? { ...t, id: 'bearing_temp' } : t)));
    stop = startNormalModelLoop({ listNormalModels: () => Promise.resolve(registry) }, workerClient(loaded));
    await expect.poll(() => normalModelStore.getState().status).toBe('refused');
    expect(normalModelStore.getState().message?.()).toMatch(/normal-20260101-000000 not loaded: .*"t1"/);
    expect(loaded).toEqual([]);
    await i18n.changeLanguage('zh-CN');
    expect(normalModelStore.getState().message?.()).toBe(
      '正常行为模型 normal-20260101-000000 未加载：模型监视的标签“t1”已不在资产中（已改名或删除）；请按资产当前的标签重新训练模型',
    );
    await i18n.changeLanguage('en');
  });

  it('does not load a card whose tag changed unit, and names the tag', async () => {
    const loaded: string[] = [];
    showAsset(tags.map((t) => (t.id === 't2' ? { ...t, unit: 'bar' } : t)));
    stop = startNormalModelLoop({ listNormalModels: () => Promise.resolve(registry) }, workerClient(loaded));
    await expect.poll(() => normalModelStore.getState().status).toBe('refused');
    expect(normalModelStore.getState().message?.()).toMatch(/tag "t2" is in bar/);
    expect(loaded).toEqual([]);
  });
});

describe('live scoring with the deployed model', () => {
  it("colours the part carrying a drifting tag past mid-scale and names it in the why; the alarm is the backend's", async () => {
    resetTelemetry(3, 600);
    predictionStore.setState({ status: 'no-models', anomaly: null, influences: null, components: [] });
    showAsset(tags);
    stop = startNormalModelLoop({ listNormalModels: () => Promise.resolve(registry) }, workerClient([]));
    await expect.poll(() => normalModelStore.getState().status).toBe('running');
    const t0 = Date.UTC(2026, 0, 1);
    pushLive(normalRows(60, 3, 21), t0);
    await expect.poll(() => normalModelStore.getState().live?.at).toBe(t0 + 59_000);
    expect(normalModelStore.getState().live!.alarm).toBe(false);
    // t0's level steps far from its normal 0 for 30 s.
    pushLive(
      normalRows(30, 3, 22).map(([, b, c]) => [25, b!, c!]),
      t0 + 60_000,
    );
    await expect.poll(() => normalModelStore.getState().live?.alarm).toBe(true);
    expect(normalModelStore.getState().live!.why[0]?.tagId).toBe('t0');
    // The live predictive alarm comes from the backend, never from this window's scoring.
    expect(predictiveAlarmStore.getState()).toEqual({ live: null, recorded: null, replay: null });
    const shown = predictionStore.getState();
    expect(shown.anomalySource).toBe('normal-behaviour');
    expect(shown.components).toEqual(['a', 'b']);
    expect(shown.anomaly![0]).toBeGreaterThan(0.5);
    expect(shown.anomaly![1]).toBeLessThan(0.5);
  });
});
