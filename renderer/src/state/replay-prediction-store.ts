/** The health model's outputs for the replay playhead (filled by predictions/replay-predictions). */
import { createStore } from 'zustand/vanilla';
import type { TagInfluence } from './prediction-store';

export interface ReplayPredictionState {
  /**
   * 'idle': not replaying or no model; 'pending': the first result for this replay is being computed;
   * 'ready': outputs below are for `at`; 'not-enough-history': the store holds too little before `at`.
   */
  status: 'idle' | 'pending' | 'ready' | 'not-enough-history' | 'error';
  /** Playhead time the outputs (or the verdict) are for. */
  at: number | null;
  message: string | null;
  anomaly: Float32Array | null;
  faultType: (string | null)[] | null;
  faultProbs: Record<string, number> | null;
  rulHours: Float32Array | null;
  rulStdHours: Float32Array | null;
  influences: TagInfluence[][] | null;
}

export const idleReplayPrediction = (): ReplayPredictionState => ({
  status: 'idle',
  at: null,
  message: null,
  anomaly: null,
  faultType: null,
  faultProbs: null,
  rulHours: null,
  rulStdHours: null,
  influences: null,
});

export const replayPredictionStore = createStore<ReplayPredictionState>(idleReplayPrediction);
