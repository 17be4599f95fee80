/**
 * The health model's long baseline: how far each balance has moved from its own level over the hours
 * before the window. A sensor drift grows by at most a few tenths of a percent of span per hour, so it
 * hardly moves within the 48-min window; against the balance's mean over the preceding hours it shows.
 *
 * Input `baseline` is [N, BASELINE_FEATURES]: per balance (BALANCE_CHANNELS order) the deviation of its
 * mean over the window's last BASELINE_RECENT_ROWS rows from its mean over up to BASELINE_ROWS rows
 * before the window, in units of its typical deviation (`scale`, fitted on the training split); then one
 * availability flag per balance (1 when both means rest on enough samples, else 0 with deviation 0);
 * then the hours of baseline used / BASELINE_HOURS. A baseline that starts late (the app just started,
 * a replay at the start of the history) is partial or missing: training draws such starts too, including
 * starts inside a fault, so the model cannot read "no deviation" as "healthy".
 */
import type { SampleFrame } from '../../data/frame';
import { Quality } from '../../data/quality';
import { BALANCE_CHANNELS, BALANCE_SOURCES, SAMPLE_PERIOD_S, WINDOW_LENGTH } from './spec';

export const BASELINE_HOURS = 12;
/** Rows of the baseline at most: BASELINE_HOURS at the model's sample period. */
export const BASELINE_ROWS = (BASELINE_HOURS * 3600) / SAMPLE_PERIOD_S;
/** Rows at the end of the window whose mean is compared with the baseline. */
export const BASELINE_RECENT_ROWS = 15;
/** Good samples a baseline mean needs (1 h), and a recent mean. */
export const BASELINE_MIN_ROWS = 60;
const RECENT_MIN_ROWS = 5;
const DEVIATION_CLIP = 20;
/** Consistent estimate of a std from the median absolute deviation of a normal distribution. */
const MAD_TO_STD = 1.4826;
/** Rows of history before a window's last row the baseline can reach back to. */
export const BASELINE_HISTORY_ROWS = BASELINE_ROWS + WINDOW_LENGTH;

export const BASELINE_FEATURES = BALANCE_CHANNELS.length * 2 + 1;

/** Running sums of every balance's good samples, one entry per row + 1. */
interface BalanceSums {
  sum: Float64Array[];
  count: Int32Array[];
}

const sumsCache = new WeakMap<SampleFrame, BalanceSums>();

function balanceSums(frame: SampleFrame): BalanceSums {
  const cached = sumsCache.get(frame);
  if (cached) return cached;
  const rows = frame.t.length;
  const sum: Float64Array[] = [];
  const count: Int32Array[] = [];
  for (const id of BALANCE_CHANNELS) {
    const c = frame.tagIds.indexOf(id);
    if (c < 0) throw new Error(`baseline: the frame has no balance channel "${id}"`);
    const v = frame.values[c]!;
    const q = frame.quality[c]!;
    const s = new Float64Array(rows + 1);
    const n = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) {
      const ok = q[r] === Quality.good && Number.isFinite(v[r]!);
      s[r + 1] = s[r]! + (ok ? v[r]! : 0);
      n[r + 1] = n[r]! + (ok ? 1 : 0);
    }
    sum.push(s);
    count.push(n);
  }
  const out = { sum, count };
  sumsCache.set(frame, out);
  return out;
}

/**
 * What a window's deviations are measured against: each balance's mean over a baseline stretch (NaN where
 * fewer than BASELINE_MIN_ROWS of its samples are good), and the stretch's length in rows.
 */
export interface BaselineReference {
  mean: Float64Array;
  rows: number;
}

/** The reference of rows [max(from, to − BASELINE_ROWS), to) of `frame`. */
export function baselineReference(frame: SampleFrame, from: number, to: number): BaselineReference {
  const { sum, count } = balanceSums(frame);
  const end = Math.max(0, Math.min(to, frame.t.length));
  const start = Math.min(end, Math.max(from, 0, end - BASELINE_ROWS));
  const mean = new Float64Array(BALANCE_CHANNELS.length);
  BALANCE_CHANNELS.forEach((_, b) => {
    const good = count[b]![end]! - count[b]![start]!;
    mean[b] = good >= BASELINE_MIN_ROWS ? (sum[b]![end]! - sum[b]![start]!) / good : Number.NaN;
  });
  return { mean, rows: end - start };
}

/**
 * Baseline features of the window whose last row is `end`, with history usable from row `start`
 * (rows before it are treated as never recorded). Writes BASELINE_FEATURES values into `out` at `offset`.
 */
export function baselineFeaturesInto(
  frame: SampleFrame,
  start: number,
  end: number,
  scale: readonly number[],
  out: Float32Array,
  offset = 0,
): void {
  // The baseline stops where the window starts.
  const reference = baselineReference(frame, start, end - WINDOW_LENGTH + 1);
  baselineFeaturesAgainst(reference, frame, end, scale, out, offset, start);
}

/**
 * Baseline features of the window ending at row `end` of `frame` against a reference taken elsewhere (the
 * live app's comes from the history store, refreshed every few minutes; training's from the same frame).
 * Only rows from `recentFrom` on count towards the window's recent mean.
 */
export function baselineFeaturesAgainst(
  reference: BaselineReference,
  frame: SampleFrame,
  end: number,
  scale: readonly number[],
  out: Float32Array,
  offset = 0,
  recentFrom = 0,
): void {
  const B = BALANCE_CHANNELS.length;
  if (scale.length !== B) throw new Error(`baseline: ${scale.length} scales for ${B} balances`);
  rawDeviations(reference, frame, end, recentFrom, out, offset);
  for (let b = 0; b < B; b++) {
    const dev = out[offset + b]! / scale[b]!;
    out[offset + b] = Math.max(-DEVIATION_CLIP, Math.min(DEVIATION_CLIP, dev));
  }
}

/** Deviations in the balances' own units, flags and coverage (the layout of baselineFeaturesInto). */
function rawDeviations(
  reference: BaselineReference,
  frame: SampleFrame,
  end: number,
  recentFrom: number,
  out: Float32Array,
  offset: number,
): void {
  const { sum, count } = balanceSums(frame);
  const B = BALANCE_CHANNELS.length;
  const recentStart = Math.max(recentFrom, 0, end - BASELINE_RECENT_ROWS + 1);
  for (let b = 0; b < B; b++) {
    const base = reference.mean[b]!;
    const recent = count[b]![end + 1]! - count[b]![recentStart]!;
    const ok = Number.isFinite(base) && recent >= RECENT_MIN_ROWS;
    out[offset + b] = ok ? (sum[b]![end + 1]! - sum[b]![recentStart]!) / recent - base : 0;
    out[offset + B + b] = ok ? 1 : 0;
  }
  out[offset + 2 * B] = reference.rows / BASELINE_ROWS;
}

/** Baseline features of one window (see baselineFeaturesInto). */
export function baselineFeatures(
  frame: SampleFrame,
  start: number,
  end: number,
  scale: readonly number[],
): Float32Array {
  const out = new Float32Array(BASELINE_FEATURES);
  baselineFeaturesInto(frame, start, end, scale, out);
  return out;
}

/**
 * Each balance's typical deviation from its baseline (the deviation unit): a robust std (median absolute
 * deviation × 1.4826) of the raw deviations of windows ending every `stride` rows of the training frames,
 * with their history from the frame's start. Faults are a minority of the windows; the median ignores them.
 */
export function fitBaselineScale(frames: readonly SampleFrame[], stride: number): number[] {
  const B = BALANCE_CHANNELS.length;
  const devs: number[][] = BALANCE_CHANNELS.map(() => []);
  const buf = new Float32Array(BASELINE_FEATURES);
  for (const frame of frames)
    for (let end = WINDOW_LENGTH - 1; end < frame.t.length; end += stride) {
      rawDeviations(baselineReference(frame, 0, end - WINDOW_LENGTH + 1), frame, end, 0, buf, 0);
      for (let b = 0; b < B; b++) if (buf[B + b] === 1) devs[b]!.push(buf[b]!);
    }
  return devs.map((d, b) => {
    if (d.length === 0)
      throw new Error(`baseline: no window gives balance "${BALANCE_CHANNELS[b]}" a baseline`);
    const med = median(d);
    return Math.max(1e-6, MAD_TO_STD * median(d.map((x) => Math.abs(x - med))));
  });
}

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Indices into the baseline features that carry information from `tagId` (its balances' deviation and flag). */
export function baselineFeaturesOfTag(tagId: string): number[] {
  const B = BALANCE_CHANNELS.length;
  return BALANCE_CHANNELS.flatMap((c, b) => (BALANCE_SOURCES[c]!.includes(tagId) ? [b, B + b] : []));
}
