/**
 * The deployed normal-behaviour model at the replay playhead: when the playhead moves (latest wins), the rows
 * before it are read from history on the model's sample grid and scored causally from scratch in the worker
 * (enough rows to fill the window and the alarm latch), so the colours, "why" and predictive alarm show the
 * moment replayed. Live scoring is not touched.
 */
import type { TwinApi } from '../../../core/api/twin-api';
import type { InferenceClient } from '../inference/inference-api';
import { latestWins } from '../state/latest-wins';
import { normalModelStore } from '../state/normal-model-store';
import { playbackStore } from '../state/playback-store';
import { NO_HEALTH_OUTPUTS } from '../state/prediction-store';
import { clearReplayPredictiveAlarm } from '../state/predictive-alarm-store';
import { replayPredictionStore } from '../state/replay-prediction-store';
import { feedReplayAlarm, loadedNormalModel, NORMAL_MODEL_ID, verdictOutputs } from './normal-model-loop';
import { gridRows } from './normal-rows';
import { replayHealthModelLoaded, REPLAY_PREDICT_INTERVAL_MS } from './replay-predictions';

/** Rows scored before the playhead: the 20-row window and the 10-row latch, several times over. */
export const NORMAL_REPLAY_ROWS = 120;

export function startNormalReplay(
  history: Pick<TwinApi, 'historyGrid'>,
  inference: Pick<InferenceClient, 'scoreNormal'>,
): () => void {
  let requested: number | null = null;
  let mode = playbackStore.getState().mode;
  const run = latestWins<number>(async (t) => {
    const model = loadedNormalModel();
    if (!model) return;
    const stepMs = Math.max(1000, Math.round(1000 / model.sampleRateHz));
    const grid = await history.historyGrid({
      to: t,
      steps: NORMAL_REPLAY_ROWS,
      stepMs,
      tagIds: model.tagIds,
    });
    const verdict = await inference.scoreNormal(NORMAL_MODEL_ID, gridRows(grid), true);
    if (!verdict || playbackStore.getState().mode !== 'replay' || loadedNormalModel() !== model) return;
    const { view, anomaly, influences } = verdictOutputs(model, verdict, t);
    normalModelStore.setState({ replay: view });
    feedReplayAlarm(model, view);
    if (replayHealthModelLoaded()) return;
    replayPredictionStore.setState({
      ...NO_HEALTH_OUTPUTS,
      status: 'ready',
      at: t,
      message: null,
      anomaly,
      influences,
      anomalySource: 'normal-behaviour',
    });
  }, REPLAY_PREDICT_INTERVAL_MS);

  const follow = () => {
    const s = playbackStore.getState();
    if (s.mode !== mode) {
      // The replayed predictive alarm is computed here; live shows the backend's.
      mode = s.mode;
      clearReplayPredictiveAlarm();
      normalModelStore.setState({ replay: null });
    }
    if (s.mode !== 'replay' || !loadedNormalModel()) {
      requested = null;
      return;
    }
    if (s.playhead === requested) return;
    requested = s.playhead;
    run(s.playhead);
  };
  const offPlayback = playbackStore.subscribe(follow);
  const offModel = normalModelStore.subscribe((s, prev) => {
    if (s.versionId !== prev.versionId || s.status !== prev.status) {
      requested = null;
      follow();
    }
  });
  return () => {
    offPlayback();
    offModel();
  };
}
