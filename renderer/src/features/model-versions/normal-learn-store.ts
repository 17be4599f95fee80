/** State of "Learn normal" in the Models dialog: the stored versions, the chosen period, the job and its result. */
import { createStore } from 'zustand/vanilla';
import type { NormalModelRegistry } from '../../../../core/api/domains/normal-models';
import type { NormalModelCard } from '../../../../core/ml/normal/card';
import type { NormalPreflightIssue } from '../../../../core/ml/normal/preflight-issue';

export type NormalPeriodChoice = 'first-minutes' | 'timeline-view';

export interface NormalLearnProgress {
  /** What is being done, in words ("reading history", then the model's training steps). */
  step: string;
  /** 0..1 over the whole job. */
  fraction: number;
}

export interface NormalLearnResult {
  card: NormalModelCard;
  /** Seconds the worker took, and the period trained on (ms). */
  seconds: number;
  from: number;
  to: number;
}

export interface NormalLearnState {
  registry: NormalModelRegistry | null;
  /** Why the registry could not be read. */
  registryError: string | null;
  choice: NormalPeriodChoice;
  minutes: number;
  /** False-alarm budget per 24 h of normal running. */
  falseAlarmsPerDay: number;
  status: 'idle' | 'running' | 'cancelling' | 'refused' | 'done' | 'cancelled' | 'failed' | 'deployed';
  jobId: string | null;
  progress: NormalLearnProgress | null;
  refusals: NormalPreflightIssue[];
  warnings: NormalPreflightIssue[];
  message: string | null;
  result: NormalLearnResult | null;
}

export const normalLearnStore = createStore<NormalLearnState>(() => ({
  registry: null,
  registryError: null,
  choice: 'first-minutes',
  minutes: 60,
  falseAlarmsPerDay: 1,
  status: 'idle',
  jobId: null,
  progress: null,
  refusals: [],
  warnings: [],
  message: null,
  result: null,
}));
