/**
 * Which health-model outputs the scene and panels show: the live loop's while live (or previewing a
 * what-if), the outputs computed from history for the playhead while replaying, never the live ones then.
 */
import { useStore } from 'zustand';
import { playbackStore, type PlaybackState } from './playback-store';
import { NO_HEALTH_OUTPUTS, predictionStore, type PredictionState } from './prediction-store';
import { replayPredictionStore, type ReplayPredictionState } from './replay-prediction-store';

/** The prediction state to display, from the live state, the playback mode and the replay outputs. */
export function selectDisplayedPrediction(
  live: PredictionState,
  mode: PlaybackState['mode'],
  replay: ReplayPredictionState,
): PredictionState {
  if (mode !== 'replay' || replay.status === 'idle') return live;
  const at = replay.at ?? live.at;
  switch (replay.status) {
    case 'ready':
      return {
        ...live,
        status: 'running',
        message: null,
        anomaly: replay.anomaly,
        faultType: replay.faultType,
        faultProbs: replay.faultProbs,
        rulHours: replay.rulHours,
        rulStdHours: replay.rulStdHours,
        influences: replay.influences,
        anomalySource: replay.anomalySource,
        at,
      };
    case 'not-enough-history':
      return { ...live, ...NO_HEALTH_OUTPUTS, status: 'warming-up', message: replay.message, at };
    case 'pending':
      return {
        ...live,
        ...NO_HEALTH_OUTPUTS,
        status: 'loading',
        message: 'computing the health model for this moment',
        at,
      };
    case 'error':
      return { ...live, ...NO_HEALTH_OUTPUTS, status: 'error', message: replay.message, at };
  }
}

let memo: {
  live: PredictionState;
  mode: PlaybackState['mode'];
  replay: ReplayPredictionState;
  out: PredictionState;
} | null = null;

/** The displayed prediction state now; the same object until one of its inputs changes (for useFrame). */
export function displayedPrediction(): PredictionState {
  const live = predictionStore.getState();
  const mode = playbackStore.getState().mode;
  const replay = replayPredictionStore.getState();
  if (!memo || memo.live !== live || memo.mode !== mode || memo.replay !== replay)
    memo = { live, mode, replay, out: selectDisplayedPrediction(live, mode, replay) };
  return memo.out;
}

/** React hook: the displayed prediction state, and whether it is for a replayed moment. */
export function useDisplayedPrediction(): { state: PredictionState; replaying: boolean } {
  const live = useStore(predictionStore);
  const mode = useStore(playbackStore, (s) => s.mode);
  const replay = useStore(replayPredictionStore);
  return {
    state: selectDisplayedPrediction(live, mode, replay),
    replaying: mode === 'replay' && replay.status !== 'idle',
  };
}
