import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryGrid, HistoryGridRequest } from '../../core/api/domains/history';
import { parseAsset } from '../../core/asset/parse';
import { BASELINE_FEATURES, BASELINE_HISTORY_ROWS } from '../../core/ml/pump/baseline';
import {
  ANOMALY_COMPONENTS,
  BALANCE_CHANNELS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PUMP_TAGS,
  WINDOW_LENGTH,
} from '../../core/ml/pump/spec';
import type { TensorData } from '../../renderer/src/inference/inference-api';
import type { HealthModelInputs } from '../../renderer/src/models/health-inputs';
import { buildHealthBatch, statsFromCard } from '../../renderer/src/models/pump-health';
import { selectDisplayedPrediction } from '../../renderer/src/state/displayed-prediction';
import { setReplayModel, startReplayPredictions } from '../../renderer/src/predictions/replay-predictions';
import { replayPredictionStore } from '../../renderer/src/state/replay-prediction-store';
import { gridArrays, MIN_HISTORY_MINUTES } from '../../renderer/src/state/replay-window';
import { replayHealthInput } from '../../renderer/src/predictions/replay-health-input';
import { resampleRing } from '../../renderer/src/state/ring-window';
import { goLive, playbackStore } from '../../renderer/src/state/playback-store';
import { initialPredictionState, predictionStore } from '../../renderer/src/state/prediction-store';
import { TelemetryRing } from '../../renderer/src/state/telemetry-ring';

const card = JSON.parse(readFileSync('tests/fixtures/models/pump-health-standin/model-card.json', 'utf8'));
const stats = statsFromCard(card, 'model-card.json');
const windowOnly: HealthModelInputs = { stats, inputCount: 1 };
const withBaseline: HealthModelInputs = {
  stats,
  baseline: { scale: BALANCE_CHANNELS.map(() => 1) },
  inputCount: 2,
};
const parsed = parseAsset(JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')));
if (!parsed.ok) throw new Error('assets/pump-skid/asset.json does not parse');
const asset = parsed.asset;
const MIN = 60_000;
const T_END = Date.UTC(2026, 0, 1, 2);

/**
 * A grid as historyGrid returns it: `steps` rows of every tag at mid-range plus a slow ramp that restarts
 * every window length (staying in range), rows before `firstRow` empty.
 */
function gridOf(firstRow = 0, setpoints: HistoryGrid['setpoints'] = {}, steps = WINDOW_LENGTH): HistoryGrid {
  return {
    to: T_END,
    stepMs: MIN,
    tagIds: asset.tags.map((t) => t.id),
    values: asset.tags.map((t) =>
      Array.from({ length: steps }, (_, r) =>
        r < firstRow ? null : (t.normal[0] + t.normal[1]) / 2 + (r % WINDOW_LENGTH) * 0.01,
      ),
    ),
    setpoints,
  };
}

describe('replay window (health model input at the playhead)', () => {
  it('is the live loop’s batch for the same samples: the same feature code end to end', () => {
    // A ring with 50 minutes of 1 Hz samples, and the grid historyGrid would serve for its last sample.
    const ring = new TelemetryRing(asset.tags.length, 3600);
    const t = Array.from({ length: 3000 }, (_, s) => T_END - (2999 - s) * 1000);
    ring.push({
      assetId: asset.id,
      t,
      values: asset.tags.map((tag, k) => t.map((_, s) => tag.normal[0] + ((s * (k + 1)) % 17) / 10)),
      quality: asset.tags.map(() => t.map(() => 0)),
    });
    const flat = resampleRing(ring, ring.lastTime, WINDOW_LENGTH, MIN);
    const n = asset.tags.length;
    const grid: HistoryGrid = {
      to: ring.lastTime,
      stepMs: MIN,
      tagIds: asset.tags.map((x) => x.id),
      values: asset.tags.map((_, k) =>
        Array.from({ length: WINDOW_LENGTH }, (_, r) => {
          const v = flat[r * n + k]!;
          return Number.isFinite(v) ? v : null;
        }),
      ),
      setpoints: {},
    };
    const controls = { speed_setpoint: 85, valve_setpoint: 70, level_setpoint: 60 };
    const replay = replayHealthInput(grid, asset, controls, windowOnly, true);
    expect(replay.kind).toBe('input');
    if (replay.kind !== 'input') return;
    expect(replay.minutesWithData).toBe(WINDOW_LENGTH);
    const live = buildHealthBatch(ring, asset, controls, windowOnly, true);
    expect(replay.inputs).toHaveLength(1);
    expect(replay.inputs[0]!.shape).toEqual(live[0]!.shape);
    expect(replay.inputs[0]!.data).toEqual(live[0]!.data);
  });

  it('uses the recorded setpoints where known and the current ones elsewhere', () => {
    const recorded = Array.from({ length: WINDOW_LENGTH }, (_, r) => (r < 24 ? 80 : 90));
    const a = replayHealthInput(gridOf(0, { speed_setpoint: recorded }), asset, {}, windowOnly, false);
    const b = replayHealthInput(gridOf(0), asset, { speed_setpoint: 80 }, windowOnly, false);
    const c = replayHealthInput(gridOf(0), asset, { speed_setpoint: 90 }, windowOnly, false);
    if (a.kind !== 'input' || b.kind !== 'input' || c.kind !== 'input') throw new Error('expected inputs');
    const row = (d: TensorData[], r: number) =>
      Array.from(d[0]!.data.subarray(r * d[0]!.shape[2]!, (r + 1) * d[0]!.shape[2]!));
    expect(row(a.inputs, 0)).toEqual(row(b.inputs, 0));
    expect(row(a.inputs, 47)).toEqual(row(c.inputs, 47));
    expect(row(a.inputs, 47)).not.toEqual(row(b.inputs, 47));
  });

  it('says "not enough history" when fewer than half the minutes hold samples', () => {
    const short = replayHealthInput(gridOf(WINDOW_LENGTH - 10), asset, {}, windowOnly, false);
    expect(short).toEqual({ kind: 'not-enough-history', minutesWithData: 10 });
    const enough = replayHealthInput(
      gridOf(WINDOW_LENGTH - MIN_HISTORY_MINUTES),
      asset,
      {},
      windowOnly,
      false,
    );
    expect(enough.kind).toBe('input');
  });

  it('counts the minutes with data over the model’s window only, however many hours the grid holds', () => {
    const rows = BASELINE_HISTORY_ROWS;
    // Samples in every hour before the window but in only its last 10 minutes.
    const grid = gridOf(0, {}, rows);
    for (const column of grid.values) for (let r = rows - WINDOW_LENGTH; r < rows - 10; r++) column[r] = null;
    expect(gridArrays(grid, asset, {}, rows).minutesWithData).toBe(10);
    expect(replayHealthInput(grid, asset, {}, withBaseline, false)).toEqual({
      kind: 'not-enough-history',
      minutesWithData: 10,
    });
    // A model that takes the window only is fed a window's rows, nothing else.
    expect(() => gridArrays(grid, asset, {})).toThrow(`history grid has ${rows} rows, the models need 48`);
  });

  it('gives a model with a long baseline the hours before the window, from the same grid', () => {
    const full = replayHealthInput(gridOf(0, {}, BASELINE_HISTORY_ROWS), asset, {}, withBaseline, false);
    const late = replayHealthInput(
      gridOf(BASELINE_HISTORY_ROWS - WINDOW_LENGTH, {}, BASELINE_HISTORY_ROWS),
      asset,
      {},
      withBaseline,
      false,
    );
    if (full.kind !== 'input' || late.kind !== 'input') throw new Error('expected inputs');
    const flags = (x: TensorData[]) => [
      ...x[1]!.data.subarray(BALANCE_CHANNELS.length, 2 * BALANCE_CHANNELS.length),
    ];
    expect(full.inputs[1]!.shape).toEqual([1, BASELINE_FEATURES]);
    expect(flags(full.inputs)).toEqual(BALANCE_CHANNELS.map(() => 1));
    // The store starts where the window does (a replay at the start of the history): no baseline.
    expect(flags(late.inputs)).toEqual(BALANCE_CHANNELS.map(() => 0));
  });
});

describe('displayed prediction', () => {
  const live = {
    ...initialPredictionState(),
    status: 'running' as const,
    components: asset.components.map((c) => c.id),
    anomaly: new Float32Array(asset.components.length).fill(0.9),
    at: T_END + 3_600_000,
  };
  it('is the live state while live, the replayed moment’s outputs while replaying, never live ones then', () => {
    const ready = {
      ...replayPredictionStore.getInitialState(),
      status: 'ready' as const,
      at: T_END,
      anomaly: new Float32Array(asset.components.length).fill(0.1),
    };
    expect(selectDisplayedPrediction(live, 'live', ready)).toBe(live);
    const shown = selectDisplayedPrediction(live, 'replay', ready);
    expect(shown.anomaly?.[0]).toBeCloseTo(0.1);
    expect(shown).toMatchObject({ status: 'running', at: T_END, backend: live.backend });
    for (const status of ['pending', 'not-enough-history', 'error'] as const) {
      const other = selectDisplayedPrediction(live, 'replay', { ...ready, status, message: 'why' });
      expect(other.anomaly).toBeNull();
      expect(other.status).not.toBe('running');
    }
  });
});

describe('replay prediction loop', () => {
  const components = asset.components.map((c) => c.id);
  const calls: HistoryGridRequest[] = [];
  /** The inputs of every predict call. */
  const fed: TensorData[][] = [];
  let stop: () => void = () => undefined;
  /** A health model stand-in: anomaly 0.25 for every scored part, healthy fault class, RUL e^1 − 1 h. */
  const inference = {
    predict: async (_id: string, inputs: TensorData[]): Promise<TensorData[]> => {
      fed.push(inputs);
      const rows = inputs[0]!.shape[0]!;
      const A = ANOMALY_COMPONENTS.length;
      return [
        { data: new Float32Array(rows * A).fill(0.25), shape: [rows, A] },
        {
          data: new Float32Array(FAULT_CLASSES.length).fill(1 / FAULT_CLASSES.length),
          shape: [1, FAULT_CLASSES.length],
        },
        { data: new Float32Array([1, 0]), shape: [1, 2] },
      ];
    },
  };
  const history = {
    historyGrid: async (req: HistoryGridRequest): Promise<HistoryGrid> => {
      calls.push(req);
      // Before 01:00 the store is empty: not enough history.
      return gridOf(req.to < Date.UTC(2026, 0, 1, 1) ? req.steps : 0, {}, req.steps);
    },
  };

  beforeEach(() => {
    calls.length = 0;
    predictionStore.setState({ ...initialPredictionState(), status: 'running', components, at: 123 });
    playbackStore.setState({ range: { from: T_END - 3 * 3_600_000, to: T_END + 3_600_000 } });
    setReplayModel({ asset, inputs: windowOnly });
    stop = startReplayPredictions(history, inference);
  });
  afterEach(() => {
    stop();
    goLive();
    setReplayModel(null);
  });

  const settle = () => new Promise((r) => setTimeout(r, 30));

  it('fetches the model window ending at the playhead and publishes the outputs for that moment', async () => {
    playbackStore.setState({ mode: 'replay', playhead: T_END });
    expect(replayPredictionStore.getState().status).toBe('pending');
    await settle();
    expect(calls).toEqual([{ to: T_END, steps: WINDOW_LENGTH, stepMs: MIN }]);
    const s = replayPredictionStore.getState();
    expect(s.status).toBe('ready');
    expect(s.at).toBe(T_END);
    expect(s.anomaly?.[components.indexOf('bearing_de')]).toBeCloseTo(0.25);
    // The live state is untouched; Live drops the replay outputs.
    expect(predictionStore.getState().at).toBe(123);
    goLive();
    expect(replayPredictionStore.getState().status).toBe('idle');
  });

  it('asks for the hours before the window too when the model takes a long baseline', async () => {
    setReplayModel({ asset, inputs: withBaseline });
    playbackStore.setState({ mode: 'replay', playhead: T_END });
    await settle();
    expect(calls).toEqual([{ to: T_END, steps: BASELINE_HISTORY_ROWS, stepMs: MIN }]);
    expect(fed.at(-1)?.map((x) => x.shape)).toEqual([
      [1 + PUMP_TAGS.length, WINDOW_LENGTH, PAST_CHANNELS],
      [1 + PUMP_TAGS.length, BASELINE_FEATURES],
    ]);
    expect(replayPredictionStore.getState().status).toBe('ready');
  });

  it('reports not enough history before the stored span starts', async () => {
    playbackStore.setState({ mode: 'replay', playhead: Date.UTC(2026, 0, 1, 0, 30) });
    await settle();
    const s = replayPredictionStore.getState();
    expect(s.status).toBe('not-enough-history');
    expect(s.message).toBe(
      `not enough history before this moment: 0 of the ${MIN_HISTORY_MINUTES} minutes the model needs`,
    );
    expect(s.anomaly).toBeNull();
  });

  it('keeps only the newest playhead of a fast scrub', async () => {
    for (let k = 0; k < 10; k++) playbackStore.setState({ mode: 'replay', playhead: T_END + k * 1000 });
    await new Promise((r) => setTimeout(r, 400));
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.at(-1)?.to).toBe(T_END + 9000);
    expect(replayPredictionStore.getState().at).toBe(T_END + 9000);
  });
});
