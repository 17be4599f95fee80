/**
 * The live forecast: once per simulated minute, while something on screen shows it ("Color by → Predicted
 * value at +H" or a selected part's charts), one forecaster call continues the plant from the telemetry ring
 * with the current setpoints held. Inputs and decoding are the what-if surrogate's own (whatif/surrogate-input),
 * and the model runs in the page's one inference worker under the same id.
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import type { NormalizationStats } from '../../../core/data/normalization';
import { HORIZON, PUMP_CONTROLS, SAMPLE_PERIOD_S } from '../../../core/ml/pump/spec';
import type { InferenceClient } from '../inference/inference-api';
import { sessionStore } from '../state/session-store';
import { telemetryStore } from '../state/telemetry-store';
import { viewStore } from '../state/view-store';
import { FORECASTER_MODEL_ID, loadForecaster } from '../models/forecaster';
import { ModelCardMissingError } from '../models/model-package';
import { forecasterPath } from './forecaster-path';
import {
  buildSurrogateInputs,
  decodeForecast,
  historyMinutesBefore,
  SURROGATE_MIN_HISTORY_MIN,
} from './surrogate-input';
import { forecastStore } from '../state/forecast-store';
import { i18n } from '../i18n/i18n';

/** Wall time between checks; a forecast is made at most once per simulated minute (the model's step). */
const CHECK_MS = 500;
const STEP_MS = SAMPLE_PERIOD_S * 1000;

/** Something on screen shows the forecast: its color mode, or a selected part's charts. */
const wanted = () => {
  const v = viewStore.getState();
  return v.view === 'asset' && (v.colorBy.mode === 'forecast' || v.selectedComponent !== null);
};

/** The current setpoints held over the whole horizon, [HORIZON, PUMP_CONTROLS]: "if nobody touches anything". */
export function heldSetpoints(controls: Readonly<Record<string, number>>): Float32Array {
  const C = PUMP_CONTROLS.length;
  const out = new Float32Array(HORIZON * C);
  PUMP_CONTROLS.forEach((id, j) => {
    const v = controls[id];
    if (v === undefined || !Number.isFinite(v)) throw new Error(`current setpoints: "${id}" is missing`);
    for (let h = 0; h < HORIZON; h++) out[h * C + j] = v;
  });
  return out;
}

export function startForecastLoop(client: InferenceClient, modelsBase: URL): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loaded: { asset: AssetDefinition; stats: NormalizationStats } | null = null;
  let loading: AssetDefinition | null = null;
  let lastOrigin = Number.NaN;

  const load = async (asset: AssetDefinition) => {
    loading = asset;
    loaded = null;
    lastOrigin = Number.NaN;
    const folder = forecasterPath(asset);
    if (!folder) {
      forecastStore.setState({
        status: 'no-model',
        message: i18n.t('backend:predictions.noForecaster', { asset: asset.id }),
        forecast: null,
      });
      return;
    }
    forecastStore.setState({ status: 'loading', message: null, forecast: null });
    try {
      await client.ready();
      const { stats, mae } = await loadForecaster(client, modelsBase, folder);
      if (loading !== asset) return;
      loaded = { asset, stats };
      forecastStore.setState({ status: 'running', message: null, mae });
    } catch (e) {
      if (loading !== asset) return;
      const missing = e instanceof ModelCardMissingError && e.status === 404;
      forecastStore.setState({ status: missing ? 'no-model' : 'error', message: (e as Error).message });
    }
  };

  const tick = async () => {
    const asset = sessionStore.getState().session?.asset ?? null;
    if (asset && asset !== loading) void load(asset);
    const ring = telemetryStore.getState().ring;
    if (!asset || !loaded || loaded.asset !== asset || !wanted() || ring.written === 0) return;
    if (ring.tagCount !== asset.tags.length) return;
    const now = ring.lastTime;
    if (now - lastOrigin < STEP_MS) return;
    const history = historyMinutesBefore(ring, now);
    if (history < SURROGATE_MIN_HISTORY_MIN) {
      forecastStore.setState({
        status: 'warming-up',
        message: i18n.t('backend:predictions.forecastCollecting', {
          minutes: Math.floor(history),
          needed: SURROGATE_MIN_HISTORY_MIN,
        }),
        forecast: null,
      });
      return;
    }
    const controls =
      sessionStore.getState().sim?.controls ?? sessionStore.getState().session?.sim.controls ?? {};
    lastOrigin = now;
    const { stats } = loaded;
    const started = performance.now();
    const inputs = buildSurrogateInputs(ring, asset, now, controls, heldSetpoints(controls), stats);
    const [out] = await client.predict(FORECASTER_MODEL_ID, inputs);
    if (!out) throw new Error('forecaster returned no output');
    if (loaded?.asset !== asset) return;
    const values = decodeForecast(out, stats, asset, HORIZON);
    forecastStore.setState((s) => ({
      status: 'running',
      message: null,
      forecast: {
        origin: now,
        t: Array.from({ length: HORIZON }, (_, h) => now + (h + 1) * STEP_MS),
        values,
      },
      runs: s.runs + 1,
      lastLatencyMs: performance.now() - started,
    }));
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick().then(schedule, (e: unknown) => {
        forecastStore.setState({
          message: i18n.t('backend:predictions.forecastFailed', { detail: (e as Error).message }),
        });
        schedule();
      });
    }, CHECK_MS);
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
