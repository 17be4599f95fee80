/**
 * The deployed normal-behaviour model of the shown asset, live: loads the version the backend names as
 * deployed (refusing a card that does not fit the asset's tags), pushes every new telemetry row through its
 * causal scorer in the inference worker, and publishes the verdict: part colours for "Anomaly probability"
 * (when no health model colours the asset) and the "why". The live predictive alarm is the backend's
 * (electron/services/normal-models/predictive-alarm-monitor.ts); this loop feeds only the replay's.
 */
import type { TwinApi } from '../../../core/api/twin-api';
import type { AssetDefinition } from '../../../core/asset/schema';
import { normalCardMismatchSaid } from '../../../core/ml/normal/asset-match';
import { i18n } from '../i18n/i18n';
import type { LocalText } from '../i18n/local-text';
import { phraseText } from '../i18n/phrase-text';
import type { InferenceClient } from '../inference/inference-api';
import type { NormalRowVerdict } from '../inference/normal-api';
import {
  initialNormalModelState,
  normalModelStore,
  type NormalVerdictView,
} from '../state/normal-model-store';
import { playbackStore } from '../state/playback-store';
import { predictionStore } from '../state/prediction-store';
import { clearReplayPredictiveAlarm, feedReplayPredictiveAlarm } from '../state/predictive-alarm-store';
import { pushNotice, sessionStore } from '../state/session-store';
import { telemetryStore } from '../state/telemetry-store';
import { componentOfTag, normalOutputs } from './normal-outputs';
import { ringRows } from './normal-rows';

export const NORMAL_MODEL_ID = 'normal-behaviour';
const TICK_MS = 250;

export type NormalRegistryClient = Pick<TwinApi, 'listNormalModels'>;

interface Loaded {
  asset: AssetDefinition;
  tagIds: string[];
  /** Asset tag index of each model tag. */
  columns: number[];
  threshold: number;
  sampleRateHz: number;
}

let loaded: Loaded | null = null;
const reloadListeners = new Set<() => void>();

/** The loaded model, for the replay follower. */
export const loadedNormalModel = (): Loaded | null => loaded;

/** Asks the loop to read the deployed version again (after a deploy or a switch in the Models dialog). */
export function reloadNormalModel(): void {
  for (const l of reloadListeners) l();
}

/** What a verdict means for the panels and alarm list (view) and for the parts' colours. */
export function verdictOutputs(model: Loaded, verdict: NormalRowVerdict, at: number) {
  const { anomaly, influences, why } = normalOutputs(model.asset, model.tagIds, verdict, model.threshold);
  const view: NormalVerdictView = { at, score: verdict.score, alarm: verdict.alarm, why };
  return { view, anomaly, influences };
}

/** Takes the normal model's colours off the parts (none deployed any more, or another asset). */
function dropNormalColours(): void {
  if (predictionStore.getState().anomalySource !== 'normal-behaviour') return;
  predictionStore.setState({
    status: 'no-models',
    anomaly: null,
    influences: null,
    anomalySource: undefined,
  });
}

/** Feeds the replay's predictive alarm from a verdict view. */
export function feedReplayAlarm(model: Loaded, view: NormalVerdictView): void {
  feedReplayPredictiveAlarm({
    at: view.at,
    alarm: view.alarm,
    score: view.score,
    threshold: model.threshold,
    why: view.why.map((w) => w.tagId),
    componentId: componentOfTag(model.asset, view.why[0]?.tagId),
  });
}

export function startNormalModelLoop(api: NormalRegistryClient, client: InferenceClient): () => void {
  let stopped = false;
  let lastWritten = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  const load = async (asset: AssetDefinition) => {
    const mine = ++generation;
    loaded = null;
    clearReplayPredictiveAlarm();
    dropNormalColours();
    normalModelStore.setState({ ...initialNormalModelState(), status: 'loading' });
    try {
      const registry = await api.listNormalModels({});
      if (mine !== generation) return;
      const version = registry.versions.find((v) => v.id === registry.activeId);
      if (!version) {
        normalModelStore.setState({ ...initialNormalModelState() });
        return;
      }
      const mismatch = normalCardMismatchSaid(version.card, asset.tags);
      if (mismatch) {
        const message: LocalText = () =>
          i18n.t('backend:predictions.normalRefused', {
            version: version.id,
            reason: phraseText(mismatch.phrase, mismatch.message),
          });
        normalModelStore.setState({
          ...initialNormalModelState(),
          status: 'refused',
          versionId: version.id,
          message,
        });
        pushNotice('warning', message());
        return;
      }
      const tagIds = await client.loadNormalModel(NORMAL_MODEL_ID, version.card);
      if (mine !== generation) return;
      const columns = tagIds.map((id) => asset.tags.findIndex((t) => t.id === id));
      const threshold = version.card.model.threshold;
      loaded = { asset, tagIds, columns, threshold, sampleRateHz: version.card.training.sampleRateHz };
      // Without a health model nothing else tells the scene which part each score belongs to.
      if (predictionStore.getState().status === 'no-models')
        predictionStore.setState({ components: asset.components.map((c) => c.id) });
      lastWritten = telemetryStore.getState().ring.written;
      normalModelStore.setState({
        ...initialNormalModelState(),
        status: 'running',
        versionId: version.id,
        threshold,
        tagIds,
      });
    } catch (e) {
      if (mine !== generation) return;
      const detail = (e as Error).message;
      const message: LocalText = () => i18n.t('backend:predictions.normalNotLoaded', { detail });
      normalModelStore.setState({ ...initialNormalModelState(), status: 'error', message });
      pushNotice('error', message());
    }
  };

  const tick = async () => {
    const model = loaded;
    const ring = telemetryStore.getState().ring;
    if (!model || ring.written === lastWritten || ring.tagCount !== model.asset.tags.length) return;
    const rows = ringRows(ring, model.columns, lastWritten);
    lastWritten = ring.written;
    if (rows.length === 0) return;
    const verdict = await client.scoreNormal(NORMAL_MODEL_ID, rows, false);
    if (!verdict || loaded !== model) return;
    const { view, anomaly, influences } = verdictOutputs(model, verdict, ring.lastTime);
    normalModelStore.setState({ live: view });
    if (playbackStore.getState().mode !== 'live') return;
    // A health model, where the asset has one, keeps the "Anomaly probability" colours.
    const shown = predictionStore.getState();
    if (shown.status !== 'no-models' && shown.anomalySource !== 'normal-behaviour') return;
    predictionStore.setState((s) => ({
      status: 'running',
      message: null,
      components: model.asset.components.map((c) => c.id),
      anomaly,
      influences,
      anomalySource: 'normal-behaviour',
      at: ring.lastTime,
      ticks: s.ticks + 1,
    }));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick().then(schedule, (e: unknown) => {
        const detail = (e as Error).message;
        normalModelStore.setState({
          message: () => i18n.t('backend:predictions.normalScoringFailed', { detail }),
        });
        schedule();
      });
    }, TICK_MS);
  };

  let currentAsset: AssetDefinition | null = null;
  const onSession = () => {
    const asset = sessionStore.getState().session?.asset ?? null;
    if (asset === currentAsset) return;
    currentAsset = asset;
    if (asset) void client.ready().then(() => load(asset));
  };
  const onReload = () => {
    if (currentAsset) void load(currentAsset);
  };
  reloadListeners.add(onReload);
  const offSession = sessionStore.subscribe(onSession);
  onSession();
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    offSession();
    reloadListeners.delete(onReload);
  };
}
