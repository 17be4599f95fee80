/**
 * The forecaster's inputs for a what-if, built with the same core/ml/pump functions as training: the past
 * window from the telemetry ring up to the fork (pumpFrame → liveWindow), and the plan's setpoints per model
 * step (futureInput of normalizeControls). Its output decoded back to engineering units per asset tag.
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import { statsIndex, type NormalizationStats } from '../../../core/data/normalization';
import { futureInput, liveWindow, normalizeControls, pumpFrame } from '../../../core/ml/pump/features';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import { whatIfPlanSchema, type WhatIfPlanInput } from '../../../core/scenario/whatif-request';
import { ControlSchedule } from '../../../core/whatif/schedule';
import type { TensorData } from '../inference/inference-api';
import { resampleRing } from '../state/ring-window';
import type { TelemetryRing } from '../state/telemetry-ring';

const STEP_MS = SAMPLE_PERIOD_S * 1000;
/** History the surrogate needs before the fork: half its window, as the health model (the rest is masked). */
export const SURROGATE_MIN_HISTORY_MIN = (WINDOW_LENGTH * SAMPLE_PERIOD_S) / 60 / 2;
/** Longest horizon the forecaster answers in one call (and the longest its model card has figures for). */
export const SURROGATE_MAX_STEPS = HORIZON;

/** Minutes of ring history at or before `endTime`. */
export function historyMinutesBefore(ring: TelemetryRing, endTime: number): number {
  if (ring.size === 0) return 0;
  const oldest = ring.times[(ring.written - ring.size) % ring.capacity] ?? Number.NaN;
  return Math.max(0, (Math.min(endTime, ring.lastTime) - oldest) / 60_000);
}

/**
 * The plan's setpoints for each model step, row-major [steps, PUMP_CONTROLS]: step h stands for the minute
 * (h, h + 1] after the fork, so it takes the target in force at that minute's middle (steps and ramps as the
 * physics schedule resolves them; controls the plan leaves alone keep their value at the fork).
 */
export function plannedControlsPerMinute(
  plan: WhatIfPlanInput,
  atFork: Readonly<Record<string, number>>,
  steps: number,
): Float32Array {
  const parsed = whatIfPlanSchema.parse(plan);
  const schedule = new ControlSchedule(parsed.controls, []);
  const C = PUMP_CONTROLS.length;
  const current: Record<string, number> = {};
  PUMP_CONTROLS.forEach((id) => {
    const v = atFork[id];
    if (v === undefined || !Number.isFinite(v)) throw new Error(`setpoints at the fork: "${id}" is missing`);
    current[id] = v;
  });
  const out = new Float32Array(steps * C);
  for (let h = 0; h < steps; h++) {
    Object.assign(current, schedule.targetsAt((h + 0.5) * SAMPLE_PERIOD_S, current));
    PUMP_CONTROLS.forEach((id, j) => (out[h * C + j] = current[id]!));
  }
  return out;
}

/**
 * `past` [1, WINDOW_LENGTH, PAST_CHANNELS] from the ring's 1-minute grid ending at `endTime`, and `future`
 * [1, HORIZON, FUTURE_CHANNELS] from `planned` ([steps ≤ HORIZON, PUMP_CONTROLS]; the last row is held to
 * fill the model's fixed horizon). The ring keeps no setpoint history: `atFork` stands for the whole window.
 */
export function buildSurrogateInputs(
  ring: TelemetryRing,
  asset: AssetDefinition,
  endTime: number,
  atFork: Readonly<Record<string, number>>,
  planned: Float32Array,
  stats: NormalizationStats,
): TensorData[] {
  const grid = resampleRing(ring, endTime, WINDOW_LENGTH, STEP_MS);
  return [
    surrogatePast(grid, setpointsHeld(atFork), asset, endTime, stats),
    surrogateFuture(atFork, planned, stats),
  ];
}

/** [WINDOW_LENGTH, PUMP_CONTROLS] with `atFork` in every row: the past setpoints where none were recorded. */
export function setpointsHeld(atFork: Readonly<Record<string, number>>): Float32Array {
  const C = PUMP_CONTROLS.length;
  const last = Float32Array.from(PUMP_CONTROLS, (id) => atFork[id] ?? Number.NaN);
  const setpoints = new Float32Array(WINDOW_LENGTH * C);
  for (let r = 0; r < WINDOW_LENGTH; r++) setpoints.set(last, r * C);
  return setpoints;
}

/**
 * `past` [1, WINDOW_LENGTH, PAST_CHANNELS] from a past already on the model's grid: `grid` [WINDOW_LENGTH,
 * asset tags] raw values in asset tag order (NaN where missing) and `setpoints` [WINDOW_LENGTH,
 * PUMP_CONTROLS], the last row at `endTime` (the ring resampled, or the history store's `historyGrid` with
 * its recorded setpoints). Every plan from one fork shares it.
 */
export function surrogatePast(
  grid: Float32Array,
  setpoints: Float32Array,
  asset: AssetDefinition,
  endTime: number,
  stats: NormalizationStats,
): TensorData {
  const T = PUMP_TAGS.length;
  const A = asset.tags.length;
  const tags = new Float32Array(WINDOW_LENGTH * T).fill(Number.NaN);
  PUMP_TAGS.forEach((id, j) => {
    const k = asset.tags.findIndex((t) => t.id === id);
    if (k < 0) throw new Error(`asset "${asset.id}" has no tag "${id}" that the forecaster reads`);
    for (let r = 0; r < WINDOW_LENGTH; r++) tags[r * T + j] = grid[r * A + k]!;
  });
  const frame = pumpFrame(tags, setpoints, WINDOW_LENGTH, asset.tags, endTime / 1000);
  return { data: liveWindow(frame, stats), shape: [1, WINDOW_LENGTH, PAST_CHANNELS] };
}

/** `future` [1, HORIZON, FUTURE_CHANNELS] from `planned` [steps ≤ HORIZON, PUMP_CONTROLS]. */
export function surrogateFuture(
  atFork: Readonly<Record<string, number>>,
  planned: Float32Array,
  stats: NormalizationStats,
): TensorData {
  const C = PUMP_CONTROLS.length;
  const steps = planned.length / C;
  if (!Number.isInteger(steps) || steps < 1 || steps > HORIZON)
    throw new Error(`planned setpoints: ${planned.length} values are not 1…${HORIZON} steps of ${C}`);
  const last = Float32Array.from(PUMP_CONTROLS, (id) => atFork[id] ?? Number.NaN);
  const full = new Float32Array(HORIZON * C);
  full.set(planned);
  for (let h = steps; h < HORIZON; h++) full.set(planned.subarray((steps - 1) * C, steps * C), h * C);
  const future = futureInput(normalizeControls(full, stats), normalizeControls(last, stats), 1);
  return { data: future, shape: [1, HORIZON, FUTURE_CHANNELS] };
}

/**
 * Batch row `row` of `forecast` [N, HORIZON, PUMP_TAGS] in z units → values[assetTag][step] in engineering
 * units for the first `steps` steps (null for asset tags the forecaster does not predict).
 */
export function decodeForecast(
  forecast: TensorData,
  stats: NormalizationStats,
  asset: AssetDefinition,
  steps: number,
  row = 0,
): (number | null)[][] {
  const T = PUMP_TAGS.length;
  const offset = row * HORIZON * T;
  if (forecast.data.length < offset + steps * T)
    throw new Error(`forecaster output has ${forecast.data.length} values, need row ${row} of ${steps}×${T}`);
  const k = statsIndex(stats, PUMP_TAGS);
  return asset.tags.map((tag) => {
    const j = PUMP_TAGS.indexOf(tag.id);
    if (j < 0) return new Array<null>(steps).fill(null);
    const mean = stats.mean[k[j]!]!;
    const std = stats.std[k[j]!]!;
    return Array.from({ length: steps }, (_, h) => forecast.data[offset + h * T + j]! * std + mean);
  });
}
