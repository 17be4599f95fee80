/**
 * The tick loop: whenever new telemetry has arrived (and the previous call has finished), one batched
 * predict call for every component of the asset on screen, occlusion rows for the "why" included; the
 * results go to predictionStore, which the scene and panels read. A model with a long-baseline input also
 * gets the hours before its window, from the history store in the background (baseline-history).
 */
import type { TwinApi } from '../../../core/api/twin-api';
import type { AssetDefinition } from '../../../core/asset/schema';
import { PUMP_TAGS, SAMPLE_PERIOD_S, WINDOW_LENGTH } from '../../../core/ml/pump/spec';
import type { BackendInfo, InferenceClient } from '../inference/inference-api';
import { liveHealthInputs, type HealthModelInputs } from '../models/health-inputs';
import { loadHealthModel } from '../models/health-model';
import { ModelCardMissingError } from '../models/model-package';
import { predictionStore } from '../state/prediction-store';
import { pushNotice, sessionStore } from '../state/session-store';
import { telemetryStore } from '../state/telemetry-store';
import type { TelemetryRing } from '../state/telemetry-ring';
import { buildHealthBatch, decodeHealth, HEALTH_MODEL_ID } from '../models/pump-health';
import { BaselineHistory } from './baseline-history';
import { setReplayModel } from './replay-predictions';
import { i18n } from '../i18n/i18n';

/** Simulated minutes of history needed before the health model's window is trusted (half its length). */
const WARM_UP_MINUTES = (WINDOW_LENGTH * SAMPLE_PERIOD_S) / 60 / 2;

function historySpanMs(ring: TelemetryRing): number {
  if (ring.size === 0) return 0;
  const oldest = ring.times[(ring.written - ring.size) % ring.capacity] ?? Number.NaN;
  return ring.lastTime - oldest;
}

/** Wall time between predictions at most; the model's own step is a simulated minute. */
const TICK_MS = 250;
/**
 * Occlusion rows (one per tag, for the "why") ride along on every Nth tick only: they multiply the batch by
 * ~30, which a software adapter feels; influences change slowly anyway.
 */
const EXPLAIN_EVERY = 8;

/** Folder of the asset's health model under the models base URL, or null when it has none. */
export function healthModelPath(asset: AssetDefinition): string | null {
  const bound = asset.models.find((m) => m.kind === 'health');
  if (bound) return bound.path.replace(/\/?$/, '/');
  // The pump-skid models are trained on the simulator's tags; any asset carrying all of them can use them.
  const ids = new Set(asset.tags.map((t) => t.id));
  return PUMP_TAGS.every((id) => ids.has(id)) ? 'pump-skid/health/' : null;
}

function showBackend(info: BackendInfo): void {
  predictionStore.setState({
    backend: info.backend,
    adapter: info.adapter,
    fallbackReason: info.fallbackReason ?? null,
  });
}

export function startPredictionLoop(
  client: InferenceClient,
  modelsBase: URL,
  history: Pick<TwinApi, 'historyGrid'>,
): () => void {
  let stopped = false;
  let loaded: { asset: AssetDefinition; inputs: HealthModelInputs } | null = null;
  let lastWritten = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // A failed request is retried at the next refresh; the model predicts without the older rows meanwhile.
  const baselineHistory = new BaselineHistory(history);

  const load = async (asset: AssetDefinition) => {
    const folder = healthModelPath(asset);
    if (!folder) {
      loaded = null;
      setReplayModel(null);
      predictionStore.setState({
        status: 'no-models',
        message: i18n.t('backend:predictions.noHealthModel', { asset: asset.id }),
        anomaly: null,
      });
      return;
    }
    const base = new URL(folder, modelsBase);
    predictionStore.setState({ status: 'loading', message: null });
    try {
      const model = await loadHealthModel(client, base);
      loaded = { asset, inputs: liveHealthInputs() ?? model };
      baselineHistory.reset();
      setReplayModel(loaded);
      lastWritten = -1;
      predictionStore.setState({
        status: 'running',
        message: null,
        components: asset.components.map((c) => c.id),
      });
    } catch (e) {
      const message = (e as Error).message;
      if (e instanceof ModelCardMissingError && e.status === 404) {
        setReplayModel(null);
        predictionStore.setState({ status: 'no-models', message });
        return;
      }
      // A model already running keeps running; say what is wrong with the new files.
      predictionStore.setState({ status: loaded ? 'running' : 'error', message });
      pushNotice('error', i18n.t('backend:predictions.modelNotLoaded', { detail: message }));
    }
  };

  /** Follows a version switch (another model under the same id, perhaps with other inputs). */
  const followModelVersion = () => {
    const inputs = liveHealthInputs();
    if (!loaded || !inputs || inputs === loaded.inputs) return;
    loaded = { asset: loaded.asset, inputs };
    baselineHistory.reset();
    setReplayModel(loaded);
  };

  const tick = async (): Promise<void> => {
    followModelVersion();
    const ring = telemetryStore.getState().ring;
    const controls =
      sessionStore.getState().sim?.controls ?? sessionStore.getState().session?.sim.controls ?? {};
    if (
      !loaded ||
      ring.written === lastWritten ||
      ring.written === 0 ||
      ring.tagCount !== loaded.asset.tags.length
    )
      return;
    lastWritten = ring.written;
    // A mostly empty window is not what the model was trained on: wait for half of it before predicting.
    const historyMinutes = historySpanMs(ring) / 60_000;
    if (historyMinutes < WARM_UP_MINUTES) {
      predictionStore.setState({
        status: 'warming-up',
        message: i18n.t('backend:predictions.modelCollecting', {
          minutes: Math.floor(historyMinutes),
          needed: WARM_UP_MINUTES,
        }),
        anomaly: null,
        rulHours: null,
      });
      return;
    }
    if (predictionStore.getState().status === 'warming-up')
      predictionStore.setState({ status: 'running', message: null });
    const { asset, inputs } = loaded;
    const explain = predictionStore.getState().ticks % EXPLAIN_EVERY === 0;
    const older = inputs.inputCount > 1 ? baselineHistory.at(ring.lastTime) : null;
    const batch = buildHealthBatch(ring, asset, controls, inputs, explain, older);
    const started = performance.now();
    const outputs = await client.predict(HEALTH_MODEL_ID, batch);
    if (loaded?.asset !== asset) return;
    const { influences, ...decoded } = decodeHealth(
      outputs,
      asset.components.map((c) => c.id),
    );
    predictionStore.setState((s) => ({
      ...decoded,
      influences: explain ? influences : s.influences,
      at: ring.lastTime,
      ticks: s.ticks + 1,
      lastLatencyMs: performance.now() - started,
    }));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick().then(schedule, (e: unknown) => {
        predictionStore.setState({
          message: i18n.t('backend:predictions.predictionFailed', { detail: (e as Error).message }),
        });
        schedule();
      });
    }, TICK_MS);
  };

  client
    .ready()
    .then(showBackend, (e: unknown) =>
      predictionStore.setState({ status: 'error', message: (e as Error).message }),
    );
  const offBackend = client.onBackendChange(showBackend);
  let currentAsset: AssetDefinition | null = null;
  const onSession = () => {
    const asset = sessionStore.getState().session?.asset ?? null;
    if (asset === currentAsset) return;
    currentAsset = asset;
    if (asset) void client.ready().then(() => load(asset));
  };
  const offSession = sessionStore.subscribe(onSession);
  onSession();
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    offBackend();
    offSession();
  };
}
