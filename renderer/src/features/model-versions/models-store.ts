/**
 * State of the Models dialog: the registry index (persisted in localStorage; weights of retrained
 * versions are in IndexedDB), the shipped model's card facts, and the retrain job's progress and outcome.
 */
import { createStore } from 'zustand/vanilla';
import type { HeldOutMetrics } from '../../../../core/ml/retrain/held-out-metrics';
import type { Said } from '../../../../core/text/phrase';
import { parseRegistryIndex, type RegistryIndex } from '../../../../core/ml/retrain/registry-index';
import type { ShippedHealth } from './shipped-card';

export interface RetrainProgress {
  phase: 'reading history' | 'training' | 'evaluating' | 'saving';
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number | null;
  elapsedMs: number;
  /** Seconds left, from the pace so far; null until a batch has run. */
  etaS: number | null;
  /** 0..1 over all batches of all epochs. */
  fraction: number;
}

export interface RetrainOutcome {
  candidateId: string;
  baselineId: string;
  deployed: boolean;
  /** Why it was deployed or kept, in English with the phrases the panel says them with. */
  reasons: Said[];
  current: HeldOutMetrics;
  candidate: HeldOutMetrics;
  heldOut: { from: number; to: number; windows: number };
  trainWindows: number;
}

export type JobStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

/** How much to train on; the test hook shrinks it for the software-GPU e2e run. */
export interface RetrainSize {
  hours: number;
  epochs: number;
  batchSize: number;
  /** Minutes between window ends. */
  stride: number;
  maxTrainWindows: number;
  minTrainWindows: number;
  minHeldOutWindows: number;
}

export const DEFAULT_SIZE: RetrainSize = {
  hours: 24,
  epochs: 3,
  batchSize: 64,
  stride: 1,
  maxTrainWindows: 4000,
  minTrainWindows: 32,
  minHeldOutWindows: 16,
};

export interface ModelsState {
  index: RegistryIndex | null;
  shipped: ShippedHealth | null;
  /** Why the registry is not available (no health model, unreadable card …). */
  problem: string | null;
  status: JobStatus;
  jobId: string | null;
  progress: RetrainProgress | null;
  message: string | null;
  outcome: RetrainOutcome | null;
  size: RetrainSize;
  switching: boolean;
}

export const modelsStore = createStore<ModelsState>(() => ({
  index: null,
  shipped: null,
  problem: null,
  status: 'idle',
  jobId: null,
  progress: null,
  message: null,
  outcome: null,
  size: { ...DEFAULT_SIZE },
  switching: false,
}));

const storageKey = (model: string) => `twinscape.modelRegistry.${model}`;

/** The saved index, or null when there is none; an unreadable one is reported and ignored. */
export function loadIndex(model: string, onProblem: (message: string) => void): RegistryIndex | null {
  const text = localStorage.getItem(storageKey(model));
  if (text === null) return null;
  try {
    return parseRegistryIndex(JSON.parse(text), `model registry index (localStorage ${storageKey(model)})`);
  } catch (e) {
    onProblem(`${(e as Error).message}; starting a new registry (saved weights stay in IndexedDB)`);
    return null;
  }
}

export function saveIndex(index: RegistryIndex): void {
  localStorage.setItem(storageKey(index.model), JSON.stringify(index));
  modelsStore.setState({ index });
}
