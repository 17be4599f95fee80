/** The health model's outputs for the replay playhead (filled by predictions/replay-predictions). */
import { createStore } from 'zustand/vanilla';
import { NO_HEALTH_OUTPUTS, type HealthOutputs } from './prediction-store';

export interface ReplayPredictionState extends HealthOutputs {
  /**
   * 'idle': not replaying or no model; 'pending': the first result for this replay is being computed;
   * 'ready': outputs below are for `at`; 'not-enough-history': the store holds too little before `at`.
   */
  status: 'idle' | 'pending' | 'ready' | 'not-enough-history' | 'error';
  /** Playhead time the outputs (or the verdict) are for. */
  at: number | null;
  message: string | null;
}

export const idleReplayPrediction = (): ReplayPredictionState => ({
  status: 'idle',
  at: null,
  message: null,
  ...NO_HEALTH_OUTPUTS,
});

export const replayPredictionStore = createStore<ReplayPredictionState>(idleReplayPrediction);
