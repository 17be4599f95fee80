/**
 * The pump-skid health model in the live app: builds its inputs from the telemetry ring (and the history
 * store's older rows) with the SAME core/ml/pump functions training used (pumpFrame → liveWindow,
 * liveBaseline), adds one occluded copy per tag so the "why" comes out of the same batched call, and turns
 * the outputs into per-component predictions.
 */
import type { HistoryGrid } from '../../../core/api/domains/history';
import type { AssetDefinition } from '../../../core/asset/schema';
import { parseNormalizationStats, type NormalizationStats } from '../../../core/data/normalization';
import type { BaselineReference } from '../../../core/ml/pump/baseline';
import { healthInputs, liveBaseline, liveWindow } from '../../../core/ml/pump/features';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PUMP_CONTROLS,
  PUMP_TAGS,
  RUL_CAP_HOURS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import { occlusionInputs, rankInfluences } from '../../../core/ml/pump/why';
import type { TensorData } from '../inference/inference-api';
import { resampleRing } from '../state/ring-window';
import type { TagInfluence } from '../state/prediction-store';
import type { TelemetryRing } from '../state/telemetry-ring';
import { gridFrame } from './grid-frame';
import type { HealthModelInputs } from './health-inputs';
import { historyReference } from './history-reference';

export const HEALTH_MODEL_ID = 'pump-skid/health';

/** Normalization statistics saved in the model card (fitted on the training split). */
export function statsFromCard(card: unknown, file: string): NormalizationStats {
  const normalization = (card as { normalization?: unknown } | null)?.normalization;
  try {
    return parseNormalizationStats(normalization);
  } catch (e) {
    throw new Error(`${file}: normalization statistics are missing or invalid (${(e as Error).message})`);
  }
}

/**
 * The live health batch: one window [1 + occlusions, WINDOW_LENGTH, PAST_CHANNELS] (row 0 as the model sees
 * the plant, then one row per measured tag with that tag marked missing: value 0, mask 0, the model's own
 * notion of "no information from this sensor") and, for a model that takes one, its long baseline
 * [1 + occlusions, BASELINE_FEATURES] in the same row order. The window is the ring resampled; the baseline
 * is measured against `history` (the history store's grid of the hours before), unavailable without one.
 */
export function buildHealthBatch(
  ring: TelemetryRing,
  asset: AssetDefinition,
  controls: Record<string, number>,
  model: HealthModelInputs,
  occlude: boolean,
  history: HistoryGrid | null = null,
): TensorData[] {
  const grid = resampleRing(ring, ring.lastTime, WINDOW_LENGTH, SAMPLE_PERIOD_S * 1000);
  // Setpoint history is not kept in the ring; the current setpoints stand for the whole window.
  const C = PUMP_CONTROLS.length;
  const setpoints = new Float32Array(WINDOW_LENGTH * C);
  PUMP_CONTROLS.forEach((id, j) => {
    for (let r = 0; r < WINDOW_LENGTH; r++) setpoints[r * C + j] = controls[id] ?? Number.NaN;
  });
  const reference = model.inputCount > 1 && history ? historyReference(history, asset, controls) : null;
  return healthBatchFromGrid(grid, setpoints, asset, ring.lastTime, model, occlude, reference);
}

/**
 * The health batch from raw samples already on the model's grid (see gridFrame): the window is the last
 * WINDOW_LENGTH rows; a model with a long-baseline input gets that of the last row, against `reference`
 * when given, else from all rows (up to BASELINE_HISTORY_ROWS are used). Shared by the live loop and
 * replay (history store).
 */
export function healthBatchFromGrid(
  grid: Float32Array,
  setpoints: Float32Array,
  asset: AssetDefinition,
  endTime: number,
  model: HealthModelInputs,
  occlude: boolean,
  reference: BaselineReference | null = null,
): TensorData[] {
  const frame = gridFrame(grid, setpoints, asset, endTime);
  const scale = model.inputCount > 1 ? model.baseline?.scale : undefined;
  const input = {
    past: liveWindow(frame, model.stats),
    baseline: scale ? liveBaseline(frame, scale, reference ?? undefined) : new Float32Array(0),
  };
  return healthTensors(
    model.inputCount,
    occlude ? occlusionInputs(input) : input,
    occlude ? 1 + PUMP_TAGS.length : 1,
  );
}

/** A health model's inputs (core healthInputs) as tensors of `rows` windows each. */
export function healthTensors(
  inputCount: number,
  w: { past: Float32Array; baseline: Float32Array },
  rows: number,
): TensorData[] {
  return healthInputs(inputCount, w).map((i) => ({ data: i.data, shape: [rows, ...i.shape] }));
}

export interface HealthPrediction {
  anomaly: Float32Array;
  faultType: (string | null)[];
  faultProbs: Record<string, number>;
  rulHours: Float32Array;
  rulStdHours: Float32Array;
  influences: TagInfluence[][];
}

/** ln(1 + hours) mean and log σ → hours and a one-σ half-width in hours, capped like the labels. */
export function rulFromLog(mu: number, logSigma: number): { hours: number; std: number } {
  const sigma = Math.exp(Math.min(3, Math.max(-4, logSigma)));
  const cap = (x: number) => Math.min(RUL_CAP_HOURS, Math.max(0, Math.expm1(x)));
  return { hours: cap(mu), std: (cap(mu + sigma) - cap(mu - sigma)) / 2 };
}

/** Model outputs (anomaly, fault_type, rul; batch row 0 = the plant, rows 1.. occlusions) → per component. */
export function decodeHealth(outputs: TensorData[], components: readonly string[]): HealthPrediction {
  const [anomalyOut, faultOut, rulOut] = outputs;
  if (!anomalyOut || !faultOut || !rulOut)
    throw new Error(`health model returned ${outputs.length} outputs, expected 3`);
  const A = ANOMALY_COMPONENTS.length;
  const K = FAULT_CLASSES.length;
  const n = components.length;
  const anomaly = new Float32Array(n).fill(Number.NaN);
  const faultType: (string | null)[] = new Array<string | null>(n).fill(null);
  const rulHours = new Float32Array(n).fill(Number.NaN);
  const rulStdHours = new Float32Array(n).fill(Number.NaN);
  const influences: TagInfluence[][] = components.map(() => []);
  const faultProbs: Record<string, number> = {};
  FAULT_CLASSES.forEach((cls, k) => (faultProbs[cls] = faultOut.data[k]!));
  let best = 0;
  for (let k = 1; k < K; k++) if (faultOut.data[k]! > faultOut.data[best]!) best = k;
  const bestClass = FAULT_CLASSES[best]!;
  const rul = rulFromLog(rulOut.data[0]!, rulOut.data[1]!);
  const occluded = anomalyOut.shape[0]! - 1;
  ANOMALY_COMPONENTS.forEach((c, a) => {
    const i = components.indexOf(c.id);
    if (i < 0) return;
    const p = anomalyOut.data[a]!;
    anomaly[i] = p;
    if (best > 0 && c.faults.includes(bestClass)) {
      faultType[i] = bestClass;
      if (bestClass !== 'sensor_fault') {
        rulHours[i] = rul.hours;
        rulStdHours[i] = rul.std;
      }
    }
    influences[i] = occluded > 0 ? rankInfluences(anomalyOut.data, A, a) : [];
  });
  return { anomaly, faultType, faultProbs, rulHours, rulStdHours, influences };
}
