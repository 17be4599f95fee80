import type { StoreApi } from 'zustand/vanilla';
import { compareStore } from '../state/compare-store';
import { connectionsStore, type ConnectionsState } from '../state/connections-store';
import { forecastStore } from '../state/forecast-store';
import { playbackStore, type PlaybackState } from '../state/playback-store';
import { predictionStore } from '../state/prediction-store';
import { replayPredictionStore } from '../state/replay-prediction-store';
import { sessionStore } from '../state/session-store';
import { telemetryStore } from '../state/telemetry-store';
import { viewStore } from '../state/view-store';
import { whyHoverStore } from '../state/why';

/** Stores the user changes (or that follow the user): a frame at once. */
const USER_INPUTS: readonly StoreApi<object>[] = [
  viewStore, // color mode, selection, hover, x-ray, labels, camera tokens
  replayPredictionStore, // the model's answer for the replay position
  compareStore,
  whyHoverStore, // the "why" tag under the pointer in the panel: its part alone is outlined
];

/** What of the playback the scene shows: not the timeline's range and view, which grow every second live. */
const SHOWN_PLAYBACK: readonly (keyof PlaybackState)[] = [
  'mode',
  'playhead',
  'values',
  'quality',
  'alarms',
  'playing',
];

/** Model outputs computed from the telemetry: drawn with the next batch's frame, or after this long. */
const MODEL_OUTPUTS: readonly StoreApi<object>[] = [predictionStore, forecastStore];
const MODEL_OUTPUT_WAIT_MS = 1000;

/**
 * Whether a live source's state that the scene shows changed: a tag going stale or coming back, or getting its
 * first value (the stale hatching), or the data's origin. Not the ages, which move with every snapshot.
 */
function sourceStateChanged(s: ConnectionsState, prev: ConnectionsState): boolean {
  if (s.snapshot?.mode !== prev.snapshot?.mode || s.byTag.size !== prev.byTag.size) return true;
  for (const [id, tag] of s.byTag) {
    const before = prev.byTag.get(id);
    if (!before || before.stale !== tag.stale || (before.lastValueAt === null) !== (tag.lastValueAt === null))
      return true;
  }
  return false;
}

let framesDrawn = 0;

/** Frames the scene canvases have drawn since the page loaded (test hook `framesDrawn`, bench). */
export const countFrameDrawn = (): void => {
  framesDrawn++;
};
export const framesDrawnSoFar = (): number => framesDrawn;

/**
 * Render on demand: asks for a frame (`invalidate`) whenever something the scene shows changes — a telemetry
 * batch, the color mode, selection, hover, the playback position, alarms, a live source going stale. A prediction or forecast (which
 * follows each batch a moment later) waits for the next batch's frame, so 1 Hz data costs one frame a second,
 * not two; without a next batch (paused) it is drawn after MODEL_OUTPUT_WAIT_MS. Animations (rotor, camera
 * flights) ask for their own next frame while they move; OrbitControls asks on 'change'.
 * Returns the function that stops it.
 */
export function startFrameRequests(invalidate: () => void): () => void {
  let modelOutput: ReturnType<typeof setTimeout> | undefined;
  const drawNow = () => {
    clearTimeout(modelOutput);
    modelOutput = undefined;
    invalidate();
  };
  const drawSoon = () => {
    modelOutput ??= setTimeout(drawNow, MODEL_OUTPUT_WAIT_MS);
  };
  const stops = [
    telemetryStore.subscribe(drawNow),
    ...USER_INPUTS.map((s) => s.subscribe(drawNow)),
    playbackStore.subscribe((s, prev) => {
      if (SHOWN_PLAYBACK.some((key) => s[key] !== prev[key])) drawNow();
    }),
    ...MODEL_OUTPUTS.map((s) => s.subscribe(drawSoon)),
    connectionsStore.subscribe((s, prev) => {
      if (sourceStateChanged(s, prev)) drawNow();
    }),
    // Not the periodic sim status: only what shows (alarm badges, the asset, the shaft starting to turn).
    sessionStore.subscribe((s, prev) => {
      if (s.alarms !== prev.alarms || s.session !== prev.session || s.sim?.running !== prev.sim?.running)
        drawNow();
    }),
  ];
  invalidate();
  return () => {
    clearTimeout(modelOutput);
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
