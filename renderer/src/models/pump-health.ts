/**
 * The pump-skid health model in the live app: builds its input from the telemetry ring with the SAME
 * core/ml/pump functions training used (pumpFrame → liveWindow), adds one occluded copy per tag so the
 * "why" comes out of the same batched call, and turns the outputs into per-component predictions.
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import { parseNormalizationStats, type NormalizationStats } from '../../../core/data/normalization';
import { liveWindow, pumpFrame } from '../../../core/ml/pump/features';
import {
  ANOMALY_COMPONENTS,
  FAULT_CLASSES,
  PAST_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  RUL_CAP_HOURS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from '../../../core/ml/pump/spec';
import { occlusionBatch, rankInfluences } from '../../../core/ml/pump/why';
import type { TensorData } from '../inference/inference-api';
import type { TagInfluence } from '../state/prediction-store';
import type { TelemetryRing } from '../state/telemetry-ring';
import { resampleRing } from '../state/ring-window';

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
 * One live window [1 + occlusions, WINDOW_LENGTH, PAST_CHANNELS]: row 0 as the model sees the plant, then
 * one row per measured tag with that tag marked missing (value 0, mask 0), the model's own notion of "no
 * information from this sensor".
 */
export function buildHealthBatch(
  ring: TelemetryRing,
  asset: AssetDefinition,
  controls: Record<string, number>,
  stats: NormalizationStats,
  occlude: boolean,
): TensorData {
  const grid = resampleRing(ring, ring.lastTime, WINDOW_LENGTH, SAMPLE_PERIOD_S * 1000);
  // Setpoint history is not kept in the ring; the current setpoints stand for the whole window.
  const C = PUMP_CONTROLS.length;
  const setpoints = new Float32Array(WINDOW_LENGTH * C);
  PUMP_CONTROLS.forEach((id, j) => {
    for (let r = 0; r < WINDOW_LENGTH; r++) setpoints[r * C + j] = controls[id] ?? Number.NaN;
  });
  return healthBatchFromGrid(grid, setpoints, asset, ring.lastTime, stats, occlude);
}

/**
 * The health batch from raw samples already on the model's grid: `grid` is [WINDOW_LENGTH, asset tags]
 * (asset tag order, NaN where missing), `setpoints` [WINDOW_LENGTH, PUMP_CONTROLS], the last row at
 * `endTime`. Shared by the live loop (telemetry ring) and replay (history store).
 */
export function healthBatchFromGrid(
  grid: Float32Array,
  setpoints: Float32Array,
  asset: AssetDefinition,
  endTime: number,
  stats: NormalizationStats,
  occlude: boolean,
): TensorData {
  const tagCount = asset.tags.length;
  const assetIndex = new Map(asset.tags.map((t, i) => [t.id, i]));
  const T = PUMP_TAGS.length;
  const tags = new Float32Array(WINDOW_LENGTH * T).fill(Number.NaN);
  PUMP_TAGS.forEach((id, j) => {
    const k = assetIndex.get(id);
    if (k === undefined) return;
    for (let r = 0; r < WINDOW_LENGTH; r++) tags[r * T + j] = grid[r * tagCount + k]!;
  });
  const frame = pumpFrame(tags, setpoints, WINDOW_LENGTH, asset.tags, endTime / 1000);
  const base = liveWindow(frame, stats);
  if (!occlude) return { data: base, shape: [1, WINDOW_LENGTH, PAST_CHANNELS] };
  return { data: occlusionBatch(base), shape: [1 + T, WINDOW_LENGTH, PAST_CHANNELS] };
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
