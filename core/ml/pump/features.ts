/**
 * Feature pipeline of the pump-skid models, shared by training, evaluation and live inference:
 * raw samples → cleaned frame (core/data cleaning) → z-scored windows with quality masks
 * (core/data windows, statistics fitted on the training split only) → model input tensors.
 *
 * Health and forecaster input `past` is [N, WINDOW_LENGTH, PAST_CHANNELS], row-major: channel c <
 * V (V = PAST_VALUE_CHANNELS.length: tags, setpoints, derived) is the z-scored value of PAST_VALUE_CHANNELS[c] (0 where the
 * sample is bad), channel V + c its quality mask (1 good, 0 bad).
 * Forecaster input `future` is [N, HORIZON, FUTURE_CHANNELS]: the planned setpoints z-scored, then
 * their change from the last past setpoint (z units), then the step position h / (HORIZON − 1).
 */
import type { TagDefinition } from '../../asset/schema';
import { cleanFrame, type CleanOptions } from '../../data/cleaning';
import { createFrame, sliceFrame, type SampleFrame } from '../../data/frame';
import { fitNormalization, statsIndex, type NormalizationStats } from '../../data/normalization';
import { Quality } from '../../data/quality';
import { makeWindows, type Windows } from '../../data/windows';
import {
  BASELINE_FEATURES,
  baselineFeatures,
  baselineFeaturesAgainst,
  baselineFeaturesInto,
  type BaselineReference,
} from './baseline';
import { fillDerived } from './derived';
import {
  FUTURE_CHANNELS,
  HORIZON,
  PAST_CHANNELS,
  PAST_VALUE_CHANNELS,
  PUMP_CONTROLS,
  PUMP_TAGS,
  SAMPLE_PERIOD_S,
  WINDOW_LENGTH,
} from './spec';

/** Cleaning applied to every pump-skid frame. Stuck runs are left to the model (a flat trace is a symptom). */
export const PUMP_CLEAN_OPTIONS: CleanOptions = {
  stuck: false,
  hampel: { halfWindow: 5, threshold: 4 },
  gaps: { maxGap: 3 },
};

/**
 * A cleaned frame of PAST_VALUE_CHANNELS from row-major raw tag values [rows, PUMP_TAGS] and
 * setpoints [rows, PUMP_CONTROLS]. `tagDefs` are the asset's tag definitions (ranges for cleaning).
 */
export function pumpFrame(
  tags: Float32Array,
  controls: Float32Array,
  rows: number,
  tagDefs: readonly TagDefinition[],
  t0 = 0,
): SampleFrame {
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  if (tags.length < rows * T || controls.length < rows * C)
    throw new Error(`pumpFrame: ${rows} rows need ${rows * T} tag values and ${rows * C} setpoints`);
  const raw = createFrame(PUMP_TAGS, rows);
  for (let r = 0; r < rows; r++) {
    raw.t[r] = t0 + r * SAMPLE_PERIOD_S;
    for (let j = 0; j < T; j++) {
      raw.values[j]![r] = tags[r * T + j]!;
      raw.quality[j]![r] = Quality.good;
    }
  }
  const defs = PUMP_TAGS.map((id) => {
    const d = tagDefs.find((x) => x.id === id);
    if (!d) throw new Error(`pumpFrame: the asset has no tag "${id}"`);
    return d;
  });
  const clean = cleanFrame(raw, defs, PUMP_CLEAN_OPTIONS).frame;
  const out = createFrame(PAST_VALUE_CHANNELS, rows);
  out.t.set(clean.t);
  for (let j = 0; j < T; j++) {
    out.values[j] = clean.values[j]!;
    out.quality[j] = clean.quality[j]!;
  }
  for (let j = 0; j < C; j++) {
    const v = out.values[T + j]!;
    const q = out.quality[T + j]!;
    for (let r = 0; r < rows; r++) {
      v[r] = controls[r * C + j]!;
      q[r] = Number.isFinite(v[r]) ? Quality.good : Quality.missing;
    }
  }
  fillDerived(out, T + C);
  return out;
}

/** z-score statistics of every value channel, from the training frames only. */
export function fitPumpNormalization(trainFrames: readonly SampleFrame[]): NormalizationStats {
  return fitNormalization(trainFrames, { minStd: 1e-3 });
}

/** [N, L, V] values and masks → [N, L, 2V] model input. */
export function interleavePast(w: Windows): Float32Array {
  const V = w.inputTags.length;
  const rows = w.count * w.pastLength;
  const out = new Float32Array(rows * 2 * V);
  for (let r = 0; r < rows; r++) {
    out.set(w.past.subarray(r * V, (r + 1) * V), r * 2 * V);
    out.set(w.pastMask.subarray(r * V, (r + 1) * V), r * 2 * V + V);
  }
  return out;
}

/** The z-scored setpoint at the last past step of each window, [N, PUMP_CONTROLS]. */
function lastSetpoints(w: Windows): Float32Array {
  const V = w.inputTags.length;
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const out = new Float32Array(w.count * C);
  for (let n = 0; n < w.count; n++)
    for (let j = 0; j < C; j++) out[n * C + j] = w.past[(n * w.pastLength + w.pastLength - 1) * V + T + j]!;
  return out;
}

/** Builds the forecaster's future input from planned setpoints already z-scored, [N, H, PUMP_CONTROLS]. */
export function futureInput(
  plannedZ: Float32Array,
  lastZ: Float32Array,
  count: number,
  horizon = HORIZON,
): Float32Array {
  const C = PUMP_CONTROLS.length;
  const out = new Float32Array(count * horizon * FUTURE_CHANNELS);
  for (let n = 0; n < count; n++)
    for (let h = 0; h < horizon; h++) {
      const o = (n * horizon + h) * FUTURE_CHANNELS;
      for (let j = 0; j < C; j++) {
        const z = plannedZ[(n * horizon + h) * C + j]!;
        out[o + j] = z;
        out[o + C + j] = z - lastZ[n * C + j]!;
      }
      out[o + 2 * C] = horizon > 1 ? h / (horizon - 1) : 0;
    }
  return out;
}

export interface HealthWindows {
  count: number;
  /** [N, WINDOW_LENGTH, PAST_CHANNELS] */
  past: Float32Array;
  /** [N, BASELINE_FEATURES]: the long baseline of each window (core/ml/pump/baseline.ts); empty without one. */
  baseline: Float32Array;
  /** Frame and row of each window's last past sample. */
  frameIndex: Int32Array;
  endRow: Int32Array;
}

/** First row of a window's usable history, from its frame and last row; by default the frame's first row. */
export type BaselineStart = (frameIndex: number, endRow: number) => number;

/** What a health model's input needs besides the data: its card's `normalization` and `baseline` (a card fits). */
export interface HealthInputSpec {
  normalization: NormalizationStats;
  baseline?: { scale: readonly number[] } | undefined;
}

/** The baseline options of a spec (history from each frame's start), or none for a model without that input. */
export function baselineOptions(spec: HealthInputSpec): BaselineOptions | undefined {
  return spec.baseline ? { scale: spec.baseline.scale } : undefined;
}

/** How windows get their long baseline: the card's deviation scale, and where each window's history starts. */
export interface BaselineOptions {
  scale: readonly number[];
  start?: BaselineStart;
}

/**
 * Health-model windows ending every `stride` rows (first one ending at row WINDOW_LENGTH − 1), each with its
 * long baseline when `baseline` is given (a model card without one: a model without that input).
 */
export function healthWindows(
  frames: readonly SampleFrame[],
  stats: NormalizationStats,
  stride: number,
  baseline?: BaselineOptions,
): HealthWindows {
  const w = makeWindows(frames, {
    pastLength: WINDOW_LENGTH,
    horizon: 0,
    stride,
    inputTags: PAST_VALUE_CHANNELS,
    normalization: stats,
  });
  const endRow = new Int32Array(w.count);
  const features = new Float32Array(baseline ? w.count * BASELINE_FEATURES : 0);
  const start = baseline?.start ?? (() => 0);
  for (let n = 0; n < w.count; n++) {
    const end = w.starts[n]! + WINDOW_LENGTH - 1;
    const f = w.frameIndex[n]!;
    endRow[n] = end;
    if (baseline)
      baselineFeaturesInto(frames[f]!, start(f, end), end, baseline.scale, features, n * BASELINE_FEATURES);
  }
  return { count: w.count, past: interleavePast(w), baseline: features, frameIndex: w.frameIndex, endRow };
}

export interface ForecastWindows extends Omit<HealthWindows, 'baseline'> {
  /** [N, HORIZON, FUTURE_CHANNELS] */
  future: Float32Array;
  /** [N, HORIZON, PUMP_TAGS], z-scored truth. */
  targets: Float32Array;
  targetMask: Float32Array;
  /** [N, PUMP_TAGS]: z-scored last past value (the persistence forecast). */
  lastValue: Float32Array;
}

/** Forecaster windows (past, planned setpoints, truth over the horizon) starting every `stride` rows. */
export function forecastWindows(
  frames: readonly SampleFrame[],
  stats: NormalizationStats,
  stride: number,
): ForecastWindows {
  const w = makeWindows(frames, {
    pastLength: WINDOW_LENGTH,
    horizon: HORIZON,
    stride,
    inputTags: PAST_VALUE_CHANNELS,
    targetTags: PUMP_TAGS,
    controlTags: PUMP_CONTROLS,
    normalization: stats,
  });
  const V = PAST_VALUE_CHANNELS.length;
  const T = PUMP_TAGS.length;
  const lastValue = new Float32Array(w.count * T);
  const endRow = new Int32Array(w.count);
  for (let n = 0; n < w.count; n++) {
    endRow[n] = w.starts[n]! + WINDOW_LENGTH - 1;
    const base = (n * WINDOW_LENGTH + WINDOW_LENGTH - 1) * V;
    lastValue.set(w.past.subarray(base, base + T), n * T);
  }
  return {
    count: w.count,
    past: interleavePast(w),
    frameIndex: w.frameIndex,
    endRow,
    future: futureInput(w.futureControls, lastSetpoints(w), w.count),
    targets: w.targets,
    targetMask: w.targetMask,
    lastValue,
  };
}

/** z-scores planned setpoints [H, PUMP_CONTROLS] (engineering units) with the model's statistics. */
export function normalizeControls(planned: Float32Array, stats: NormalizationStats): Float32Array {
  const idx = statsIndex(stats, PUMP_CONTROLS);
  const C = PUMP_CONTROLS.length;
  const out = new Float32Array(planned.length);
  for (let i = 0; i < planned.length; i++) {
    const k = idx[i % C]!;
    out[i] = (planned[i]! - stats.mean[k]!) / stats.std[k]!;
  }
  return out;
}

/**
 * Model input of one live window, [WINDOW_LENGTH, PAST_CHANNELS]: the last WINDOW_LENGTH rows of a
 * `pumpFrame` (raw samples at SAMPLE_PERIOD_S, already cleaned by it), z-scored with the card's stats.
 */
export function liveWindow(frame: SampleFrame, stats: NormalizationStats): Float32Array {
  const rows = frame.t.length;
  if (rows < WINDOW_LENGTH) throw new Error(`liveWindow: need ${WINDOW_LENGTH} rows, got ${rows}`);
  return healthWindows([sliceFrame(frame, rows - WINDOW_LENGTH)], stats, 1).past;
}

/**
 * The long baseline of a live window, [BASELINE_FEATURES]: `frame` is the `pumpFrame` of every row the app
 * has up to the window's last row (at most BASELINE_HISTORY_ROWS are used), or of the window alone when a
 * `reference` from the hours before it is given.
 */
export function liveBaseline(
  frame: SampleFrame,
  scale: readonly number[],
  reference?: BaselineReference,
): Float32Array {
  const end = frame.t.length - 1;
  if (!reference) return baselineFeatures(frame, 0, end, scale);
  const out = new Float32Array(BASELINE_FEATURES);
  baselineFeaturesAgainst(reference, frame, end, scale, out);
  return out;
}

/** A health model's inputs for windows `w`: `past`, and `baseline` where the model takes one. */
export function healthInputs(
  inputCount: number,
  w: Pick<HealthWindows, 'past' | 'baseline'>,
): { data: Float32Array; shape: number[] }[] {
  const past = { data: w.past, shape: [WINDOW_LENGTH, PAST_CHANNELS] };
  if (inputCount < 2) return [past];
  if (w.baseline.length === 0) throw new Error('the health model takes a baseline, and its card gives none');
  return [past, { data: w.baseline, shape: [BASELINE_FEATURES] }];
}
