import type { InferenceClient } from '../inference/inference-api';
import { forcedBackend } from '../inference/backend-choice';
import { createWorkerInferenceClient } from '../inference/worker-client';
import { pushNotice } from '../state/session-store';

let client: InferenceClient | null = null;

/** Replaces the fleet's inference client (tests and benchmarks inject their own). */
export function setFleetInferenceClient(c: InferenceClient | null): void {
  client = c;
}

/** The fleet's inference worker, started on first use; `?backend=wasm` forces a backend. */
export function fleetInferenceClient(): InferenceClient {
  client ??= createWorkerInferenceClient(forcedBackend(location.search, null), pushNotice);
  return client;
}
