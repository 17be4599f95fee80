import { forcedBackend } from './backend-choice';
import type { InferenceClient } from './inference-api';
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
