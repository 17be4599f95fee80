/**
 * Which health-model version runs: reads the registry at start, keeps it in step with the shipped model,
 * and whenever the prediction loop (re)loads the shipped files — at start or on a new asset — puts the
 * chosen version back in its place. "Use this version" swaps the weights under the same model id, so the
 * loop keeps predicting without a restart.
 */
import { i18n } from '../../i18n/i18n';
import { modelBaseUrl } from '../../api/model-url';
import {
  followShipped,
  newRegistry,
  removeVersion,
  setActive,
  SHIPPED_ID,
  usable,
  type ModelVersion,
} from '../../../../core/ml/retrain/registry-index';
import type { InferenceClient } from '../../inference/inference-api';
import { loadHealthModel } from '../../models/health-model';
import { healthModelPath } from '../../predictions/prediction-loop';
import { HEALTH_MODEL_ID } from '../../models/pump-health';
import { predictionStore } from '../../state/prediction-store';
import { pushNotice, sessionStore } from '../../state/session-store';
import { loadIndex, modelsStore, saveIndex } from './models-store';
import { readShippedHealth } from './shipped-card';
import { versionName } from './version-name';

const REGISTRY_MODEL = HEALTH_MODEL_ID;

/** Model URL of a version: its IndexedDB copy, or the shipped files. */
export function versionUrl(v: ModelVersion): string {
  const shipped = modelsStore.getState().shipped;
  if (v.storageUrl) return v.storageUrl;
  if (!shipped) throw new Error('the shipped health model is not known yet');
  return shipped.modelUrl;
}

async function readRegistry(): Promise<void> {
  const asset = sessionStore.getState().session?.asset;
  const folder = asset ? healthModelPath(asset) : null;
  if (!folder) {
    modelsStore.setState({
      problem: 'this asset has no health model to retrain',
      index: null,
      shipped: null,
    });
    return;
  }
  try {
    const shipped = await readShippedHealth(new URL(folder, modelBaseUrl()));
    const saved = loadIndex(REGISTRY_MODEL, (m) => pushNotice('warning', m));
    const index = followShipped(
      saved ?? newRegistry(REGISTRY_MODEL, shipped.cardId, new Date()),
      shipped.cardId,
    );
    modelsStore.setState({ shipped, problem: null });
    saveIndex(index);
  } catch (e) {
    modelsStore.setState({ problem: (e as Error).message, index: null, shipped: null });
  }
}

/** Loads version `v` (checked against the shipped model's card) under the live health model id. */
export async function loadVersion(client: InferenceClient, v: ModelVersion): Promise<void> {
  const shipped = modelsStore.getState().shipped;
  if (!shipped) throw new Error('the shipped health model is not known yet');
  await loadHealthModel(client, new URL('.', shipped.modelUrl), versionUrl(v));
}

/** Loads version `id` under the live model id and marks it active; the running one stays on failure. */
export async function switchToVersion(client: InferenceClient, id: string): Promise<void> {
  const { index, shipped } = modelsStore.getState();
  if (!index || !shipped) throw new Error('the model registry is not ready');
  const next = setActive(index, id, shipped.cardId);
  const v = next.versions.find((x) => x.id === id)!;
  modelsStore.setState({ switching: true });
  try {
    await loadVersion(client, v);
    saveIndex(next);
  } finally {
    modelsStore.setState({ switching: false });
  }
}

/** Deletes a retrained version and its weights. */
export async function deleteVersion(client: InferenceClient, id: string): Promise<void> {
  const { index } = modelsStore.getState();
  if (!index) return;
  const v = index.versions.find((x) => x.id === id);
  const next = removeVersion(index, id);
  if (v?.storageUrl) await client.deleteSavedModel(v.storageUrl);
  saveIndex(next);
}

let started = false;

/** Starts the registry once per page. */
export function startModelVersions(client: InferenceClient): void {
  if (started) return;
  started = true;
  let lastAsset: unknown = null;
  const onSession = () => {
    const asset = sessionStore.getState().session?.asset ?? null;
    if (asset === lastAsset) return;
    lastAsset = asset;
    if (asset) void readRegistry();
  };
  sessionStore.subscribe(onSession);
  onSession();
  // The loop loads the shipped files at start and per asset; put the chosen version back afterwards.
  const apply = async () => {
    await readRegistry();
    const { index, shipped } = modelsStore.getState();
    const active = index?.versions.find((v) => v.id === index.activeId);
    if (!index || !active || active.id === SHIPPED_ID || !shipped || !usable(active, shipped.cardId)) return;
    try {
      await loadVersion(client, active);
    } catch (e) {
      pushNotice(
        'error',
        i18n.t('models:retrain.versionNotLoaded', {
          label: versionName(active),
          reason: (e as Error).message,
        }),
      );
      saveIndex({ ...index, activeId: SHIPPED_ID });
    }
  };
  const loaded = (status: string) => status === 'running' || status === 'warming-up';
  predictionStore.subscribe((s, before) => {
    if (before.status === 'loading' && loaded(s.status)) void apply();
  });
  if (loaded(predictionStore.getState().status)) void apply();
}
