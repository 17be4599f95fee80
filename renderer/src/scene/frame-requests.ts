import type { StoreApi } from 'zustand/vanilla';
import { compareStore } from '../state/compare-store';
import { forecastStore } from '../state/forecast-store';
import { playbackStore } from '../state/playback-store';
import { predictionStore } from '../state/prediction-store';
import { replayPredictionStore } from '../state/replay-prediction-store';
import { sessionStore } from '../state/session-store';
import { telemetryStore } from '../state/telemetry-store';
import { viewStore } from '../state/view-store';

/**
 * One more frame this long after the last telemetry batch: the labels refresh their text at 4 Hz on drawn
 * frames, so the last values before a pause reach the screen too.
 */
const TRAILING_FRAME_MS = 300;

/** Every store whose change can alter what the live scene shows. */
const SCENE_INPUTS: readonly StoreApi<object>[] = [
  viewStore, // color mode, selection, hover, x-ray, labels, camera tokens
  playbackStore, // replay / preview position, timeline playing
  predictionStore,
  replayPredictionStore,
  forecastStore,
  compareStore,
];

let framesDrawn = 0;

/** Frames the scene canvases have drawn since the page loaded (test hook `framesDrawn`, bench). */
export const countFrameDrawn = (): void => {
  framesDrawn++;
};
export const framesDrawnSoFar = (): number => framesDrawn;

/**
 * Render on demand: asks for a frame (`invalidate`) whenever something the scene shows changes — a telemetry
 * batch, a prediction, the color mode, selection, hover, the playback position, alarms. Animations (rotor,
 * camera flights) ask for their own next frame while they move; OrbitControls asks on 'change'.
 * Returns the function that stops it.
 */
export function startFrameRequests(invalidate: () => void): () => void {
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const onTelemetry = () => {
    invalidate();
    clearTimeout(trailing);
    trailing = setTimeout(invalidate, TRAILING_FRAME_MS);
  };
  const stops = [
    telemetryStore.subscribe(onTelemetry),
    ...SCENE_INPUTS.map((s) => s.subscribe(invalidate)),
    // Not the periodic sim status: only what shows (alarm badges, the asset, the shaft starting to turn).
    sessionStore.subscribe((s, prev) => {
      if (s.alarms !== prev.alarms || s.session !== prev.session || s.sim?.running !== prev.sim?.running)
        invalidate();
    }),
  ];
  invalidate();
  return () => {
    clearTimeout(trailing);
    for (const stop of stops) stop();
  };
}

/** Whether the displayed time moves (live and the simulator running, or a replay playing): animations run only then. */
export function sceneClockRuns(): boolean {
  const playback = playbackStore.getState();
  if (playback.mode !== 'live') return playback.mode === 'replay' && playback.playing;
  const session = sessionStore.getState();
  return (session.sim ?? session.session?.sim)?.running ?? false;
}
