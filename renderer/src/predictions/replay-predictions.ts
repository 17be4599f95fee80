/**
 * Health-model predictions for the replay playhead: when the playhead moves (at most a few times a second,
 * latest wins), the model's input window ending there is fetched from the history store, run through the
 * shared inference client, and published in replayPredictionStore. The live loop's predictionStore is not
 * touched, so pressing Live shows the live prediction at once.
 */
import type { TwinApi } from '../../../core/api/twin-api';
import type { AssetDefinition } from '../../../core/asset/schema';
import { latestWins, type Clock } from '../state/latest-wins';
import type { InferenceClient } from '../inference/inference-api';
import { playbackStore } from '../state/playback-store';
import { idleReplayPrediction, replayPredictionStore } from '../state/replay-prediction-store';
import { sessionStore } from '../state/session-store';
import type { HealthModelInputs } from '../models/health-inputs';
import { decodeHealth, HEALTH_MODEL_ID } from '../models/pump-health';
import { MIN_HISTORY_MINUTES } from '../state/replay-window';
import { replayGridOf, replayHealthInput } from './replay-health-input';

/** Wall milliseconds between two replay predictions at least (fetch + one batched predict each). */
export const REPLAY_PREDICT_INTERVAL_MS = 250;

/** The health model the live loop has loaded (what it takes as input), or null. */
export interface LoadedHealthModel {
  asset: AssetDefinition;
  inputs: HealthModelInputs;
}
let model: LoadedHealthModel | null = null;
const modelListeners = new Set<() => void>();

/** Whether the live loop has a health model loaded (it then owns the replay outputs). */
export const replayHealthModelLoaded = (): boolean => model !== null;

/** Called by the live loop whenever its health model is loaded or dropped. */
export function setReplayModel(m: LoadedHealthModel | null): void {
  model = m;
  for (const l of modelListeners) l();
}

export type ReplayHistoryClient = Pick<TwinApi, 'historyGrid'>;

/** Predicts for one moment from history and publishes the result (unless replay has moved on or ended). */
export async function predictAt(
  t: number,
  history: ReplayHistoryClient,
  inference: Pick<InferenceClient, 'predict'>,
  loaded: LoadedHealthModel,
  currentControls: Record<string, number>,
): Promise<void> {
  const { asset, inputs } = loaded;
  const grid = await history.historyGrid({ to: t, ...replayGridOf(inputs) });
  const still = () => playbackStore.getState().mode === 'replay' && model === loaded;
  if (!still()) return;
  const window = replayHealthInput(grid, asset, currentControls, inputs, true);
  if (window.kind === 'not-enough-history') {
    replayPredictionStore.setState({
      ...idleReplayPrediction(),
      status: 'not-enough-history',
      at: t,
      message: `not enough history before this moment: ${window.minutesWithData} of the ${MIN_HISTORY_MINUTES} minutes the model needs`,
    });
    return;
  }
  const outputs = await inference.predict(HEALTH_MODEL_ID, window.inputs);
  if (!still()) return;
  const decoded = decodeHealth(
    outputs,
    asset.components.map((c) => c.id),
  );
  replayPredictionStore.setState({ status: 'ready', at: t, message: null, ...decoded });
}

/** Follows the replay playhead with predictions from history; returns the stop function. */
export function startReplayPredictions(
  history: ReplayHistoryClient,
  inference: Pick<InferenceClient, 'predict'>,
  clock?: Clock,
): () => void {
  let requested: number | null = null;
  const run = latestWins<number>(
    async (t) => {
      const loaded = model;
      if (!loaded) return;
      const controls =
        sessionStore.getState().sim?.controls ?? sessionStore.getState().session?.sim.controls ?? {};
      try {
        await predictAt(t, history, inference, loaded, controls);
      } catch (e) {
        if (playbackStore.getState().mode !== 'replay') return;
        replayPredictionStore.setState({
          ...idleReplayPrediction(),
          status: 'error',
          at: t,
          message: `prediction for this moment failed: ${(e as Error).message}`,
        });
      }
    },
    REPLAY_PREDICT_INTERVAL_MS,
    clock,
  );

  const follow = () => {
    const s = playbackStore.getState();
    if (s.mode !== 'replay' || !model) {
      requested = null;
      const shown = replayPredictionStore.getState();
      // Without a health model the normal-behaviour model's replay (normal-replay.ts) fills the store.
      const normalOwns = s.mode === 'replay' && shown.anomalySource === 'normal-behaviour';
      if (shown.status !== 'idle' && !normalOwns) replayPredictionStore.setState(idleReplayPrediction());
      return;
    }
    if (s.playhead === requested) return;
    requested = s.playhead;
    // Until the first answer, show that one is coming rather than the live outputs.
    if (replayPredictionStore.getState().status === 'idle')
      replayPredictionStore.setState({ ...idleReplayPrediction(), status: 'pending', at: s.playhead });
    run(s.playhead);
  };

  const offPlayback = playbackStore.subscribe(follow);
  const onModel = () => {
    requested = null;
    follow();
  };
  modelListeners.add(onModel);
  follow();
  return () => {
    offPlayback();
    modelListeners.delete(onModel);
  };
}
