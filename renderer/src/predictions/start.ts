/**
 * Starts live predictions: the inference worker (backend forced by ?backend= or the saved setting), the
 * health model's tick loop, the live forecast, and the debug hook the end-to-end tests use.
 */
import { getTwinClient } from '../api/client';
import { modelBaseUrl } from '../api/model-url';
import type { InferenceBackend, InferenceClient } from '../inference/inference-api';
import { getInferenceClient } from '../inference/shared-client';
import { createWorkerInferenceClient } from '../inference/worker-client';
import { predictionStore, type PredictionState } from '../state/prediction-store';
import { pushNotice } from '../state/session-store';
import { forecastStore, type ForecastState } from '../state/forecast-store';
import { startForecastLoop } from './forecast-loop';
import { startNormalModelLoop } from './normal-model-loop';
import { startNormalReplay } from './normal-replay';
import { normalModelStore, type NormalModelState } from '../state/normal-model-store';
import { playbackStore } from '../state/playback-store';
import { predictiveAlarmStore, shownPredictiveAlarm } from '../state/predictive-alarm-store';
import type { PredictiveAlarm } from '../../../core/alarms/predictive-alarm';
import { startPredictionLoop } from './prediction-loop';
import { startReplayPredictions } from './replay-predictions';
import { replayPredictionStore, type ReplayPredictionState } from '../state/replay-prediction-store';

declare global {
  interface TwinscapeHooks {
    inference?: {
      client: InferenceClient;
      /** A separate worker on one backend, e.g. "cpu" as the reference for WebGPU results. */
      createClient(backend: InferenceBackend): InferenceClient;
      /** The latest predictions (status, backend, per-component outputs). */
      state(): PredictionState;
    };
    /** The live forecast (status, the latest continuation, the card's test MAE). */
    forecast?: { state(): ForecastState };
    /** The health model's outputs for the replay playhead (status 'idle' while live). */
    replayPrediction?(): ReplayPredictionState;
    /** The deployed normal-behaviour model (status, version, live and replay verdicts) and its predictive alarm. */
    normalModel?: { state(): NormalModelState; alarm(): PredictiveAlarm | null };
  }
}

export function startPredictions(): void {
  const client = getInferenceClient(pushNotice);
  startPredictionLoop(client, modelBaseUrl(), getTwinClient());
  startReplayPredictions(getTwinClient(), client);
  startForecastLoop(client, modelBaseUrl());
  startNormalModelLoop(getTwinClient(), client);
  startNormalReplay(getTwinClient(), client);
  (window.__twinscape ??= {}).inference = {
    client,
    createClient: (backend) => createWorkerInferenceClient(backend, () => undefined),
    state: () => predictionStore.getState(),
  };
  window.__twinscape.forecast = { state: () => forecastStore.getState() };
  window.__twinscape.replayPrediction = () => replayPredictionStore.getState();
  window.__twinscape.normalModel = {
    state: () => normalModelStore.getState(),
    alarm: () => shownPredictiveAlarm(predictiveAlarmStore.getState(), playbackStore.getState().mode),
  };
}
