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

/** Quality code of one displayed value (3 = missing while nothing has arrived yet). */
export function displayedQuality(index: number): number {
  const playback = playbackStore.getState();
  if ((playback.mode === 'replay' || playback.mode === 'preview') && playback.values)
    return playback.quality?.[index] ?? 0;
  const ring = telemetryStore.getState().ring;
  return ring.written > 0 ? (ring.latestQuality[index] ?? 3) : 3;
}
