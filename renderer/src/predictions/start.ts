/**
 * Starts live predictions: the inference worker (backend forced by ?backend= or the saved setting), the
 * tick loop, and the debug hook the end-to-end tests use.
 */
import { modelBaseUrl } from '../api/model-url';
import type { InferenceBackend, InferenceClient } from '../inference/inference-api';
import { getInferenceClient, saveForcedBackend } from '../inference/shared-client';
import { createWorkerInferenceClient } from '../inference/worker-client';
import { predictionStore, type PredictionState } from '../state/prediction-store';
import { pushNotice } from '../state/session-store';
import { startPredictionLoop } from './prediction-loop';

declare global {
  interface TwinscapeHooks {
    inference?: {
      client: InferenceClient;
      /** A separate worker on one backend, e.g. "cpu" as the reference for WebGPU results. */
      createClient(backend: InferenceBackend): InferenceClient;
      /** The latest predictions (status, backend, per-component outputs). */
      state(): PredictionState;
    };
  }
}

/** Saves the backend to force on the next start (null: automatic), then reloads. */
export function setForcedBackend(backend: InferenceBackend | null): void {
  saveForcedBackend(backend);
  location.reload();
}

export function startPredictions(): void {
  const client = getInferenceClient(pushNotice);
  startPredictionLoop(client, modelBaseUrl());
  (window.__twinscape ??= {}).inference = {
    client,
    createClient: (backend) => createWorkerInferenceClient(backend, () => undefined),
    state: () => predictionStore.getState(),
  };
}
