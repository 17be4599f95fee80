import { forcedBackend, parseBackend } from './backend-choice';
import type { InferenceBackend, InferenceClient } from './inference-api';
import { createWorkerInferenceClient } from './worker-client';

const SETTING_KEY = 'twinscape.mlBackend';
let shared: InferenceClient | null = null;

/** The page's one inference worker (one tfjs, one GPU device, models loaded once), created on first use. */
export function getInferenceClient(
  onNotice: (level: 'info' | 'warning' | 'error', message: string) => void = () => undefined,
): InferenceClient {
  shared ??= createWorkerInferenceClient(
    forcedBackend(location.search, localStorage.getItem(SETTING_KEY)),
    onNotice,
  );
  return shared;
}

/** Saves the backend to force from the next start (null: automatic). */
export function saveForcedBackend(backend: InferenceBackend | null): void {
  if (backend) localStorage.setItem(SETTING_KEY, backend);
  else localStorage.removeItem(SETTING_KEY);
}

/** The saved backend setting, if any. */
export function savedBackend(): InferenceBackend | null {
  return parseBackend(localStorage.getItem(SETTING_KEY));
}
