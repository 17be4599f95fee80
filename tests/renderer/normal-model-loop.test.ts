// The live loop's loading rule: the deployed version is loaded into the worker only when its card fits the
// asset's tags; otherwise nothing is loaded and the app says which tag differs.
import { afterEach, describe, expect, it } from 'vitest';
import type { NormalModelRegistry } from '../../core/api/domains/normal-models';
import type { SessionInfo } from '../../core/api/types';
import type { AssetDefinition } from '../../core/asset/schema';
import { normalModelCard, trainNormalModel } from '../../core/ml/normal';
import type { InferenceClient } from '../../renderer/src/inference/inference-api';
import { NormalScorers } from '../../renderer/src/inference/normal-scoring';
import { startNormalModelLoop } from '../../renderer/src/predictions/normal-model-loop';
import { normalModelStore } from '../../renderer/src/state/normal-model-store';
import { sessionStore } from '../../renderer/src/state/session-store';
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

/** The worker's scorers behind the two client calls the loader makes. */
function workerClient(loaded: string[]): InferenceClient {
  const scorers = new NormalScorers();
  return {
    ready: () => Promise.resolve({ backend: 'cpu', adapter: 'test' }),
    loadNormalModel: (id: string, c: unknown) => {
      loaded.push(id);
      return Promise.resolve(scorers.load(id, c));
    },
  } as unknown as InferenceClient;
}

const showAsset = (assetTags: AssetDefinition['tags']) =>
  sessionStore.setState({
    session: {
      asset: { id: 'test-rig', name: 'Test rig', tags: assetTags, components: [] },
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
    expect(normalModelStore.getState().message).toMatch(/normal-20260101-000000 not loaded: .*"t1"/);
    expect(loaded).toEqual([]);
  });

  it('does not load a card whose tag changed unit, and names the tag', async () => {
    const loaded: string[] = [];
    showAsset(tags.map((t) => (t.id === 't2' ? { ...t, unit: 'bar' } : t)));
    stop = startNormalModelLoop({ listNormalModels: () => Promise.resolve(registry) }, workerClient(loaded));
    await expect.poll(() => normalModelStore.getState().status).toBe('refused');
    expect(normalModelStore.getState().message).toMatch(/tag "t2" is in bar/);
    expect(loaded).toEqual([]);
  });
});
