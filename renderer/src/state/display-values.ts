import { playbackStore } from './playback-store';
import { telemetryStore } from './telemetry-store';

/**
 * Values the scene and labels show, in asset tag order: the newest sample when live, the state at the
 * playhead when replaying, the predicted state when previewing a what-if. Cheap enough for useFrame (no allocation).
 */
export function displayValues(): Float32Array {
  const playback = playbackStore.getState();
  if ((playback.mode === 'replay' || playback.mode === 'preview') && playback.values) return playback.values;
  return telemetryStore.getState().ring.latest;
}
