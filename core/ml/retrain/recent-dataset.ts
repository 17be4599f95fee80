/**
 * Training and held-out windows from recent history, built with the SAME core/ml/pump code as the
 * shipped model's training (pumpFrame → healthWindows → windowLabels), each with its long baseline from
 * the hours before it in the same stretch when the shipped card has one, split by time: windows ending in
 * the first 80 % of the span train, windows lying wholly in the last 20 % are held out (windows that
 * straddle the cut are dropped, so no minute is in both).
 */
import type { TagDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import type { NormalizationStats } from '../../data/normalization';
import { BASELINE_FEATURES } from '../pump/baseline';
import { healthWindows, pumpFrame, type BaselineOptions } from '../pump/features';
import { windowLabels, type WindowLabels } from '../pump/health-metrics';
import { FAULT_CLASSES, PAST_CHANNELS, PUMP_CONTROLS, PUMP_TAGS, WINDOW_LENGTH } from '../pump/spec';
import { MINUTE_MS, type MinuteRows } from './minute-rows';

export interface RecentOptions {
  /** Share of the span held out at its end. */
  heldOutFraction: number;
  /** Minutes between window ends. */
  stride: number;
  /** Training windows kept at most (evenly spaced over the training part). */
  maxTrainWindows: number;
  minTrainWindows: number;
  minHeldOutWindows: number;
}

export const DEFAULT_RECENT: RecentOptions = {
  heldOutFraction: 0.2,
  stride: 1,
  maxTrainWindows: 4000,
  minTrainWindows: 32,
  minHeldOutWindows: 16,
};

export interface WindowSet {
  count: number;
  /** [count, WINDOW_LENGTH, PAST_CHANNELS] */
  past: Float32Array;
  /** [count, BASELINE_FEATURES]: each window's long baseline; empty when the card has no baseline. */
  baseline: Float32Array;
  labels: WindowLabels;
  /** End of each window's last minute, ms. */
  endTime: Float64Array;
  /** Contiguous stretch of history each window lies in (false alarms are counted per stretch). */
  stretch: Int32Array;
}

export interface RecentDataset {
  train: WindowSet;
  heldOut: WindowSet;
  /** Time the held-out part starts. */
  cutoff: number;
  /** Span of minutes holding samples. */
  firstTime: number;
  lastTime: number;
  stride: number;
}

/** Why recent history cannot be used; the message says what is missing in plant terms. */
export class RetrainDataError extends Error {
  override name = 'RetrainDataError';
}

const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

/** Runs of minutes with samples, split where more than `maxGap` minutes in a row hold nothing. */
export function stretches(rows: MinuteRows, maxGap = 3): [number, number][] {
  const T = PUMP_TAGS.length;
  const has = (r: number) => {
    for (let j = 0; j < T; j++) if (Number.isFinite(rows.tags[r * T + j])) return true;
    return false;
  };
  const out: [number, number][] = [];
  let start = -1;
  let lastSeen = -1;
  for (let r = 0; r < rows.minutes; r++) {
    if (!has(r)) continue;
    if (start < 0) start = r;
    else if (r - lastSeen - 1 > maxGap) {
      out.push([start, lastSeen + 1]);
      start = r;
    }
    lastSeen = r;
  }
  if (start >= 0) out.push([start, lastSeen + 1]);
  return out;
}

function pick(all: WindowSet, idx: number[]): WindowSet {
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const K = all.labels.anomaly.length / Math.max(1, all.count);
  const B = all.baseline.length > 0 ? BASELINE_FEATURES : 0;
  const n = idx.length;
  const out: WindowSet = {
    count: n,
    past: new Float32Array(n * per),
    baseline: new Float32Array(n * B),
    labels: {
      count: n,
      anomaly: new Float32Array(n * K),
      faultClass: new Int32Array(n),
      logRul: new Float32Array(n),
    },
    endTime: new Float64Array(n),
    stretch: new Int32Array(n),
  };
  idx.forEach((i, k) => {
    out.past.set(all.past.subarray(i * per, (i + 1) * per), k * per);
    out.baseline.set(all.baseline.subarray(i * B, (i + 1) * B), k * B);
    out.labels.anomaly.set(all.labels.anomaly.subarray(i * K, (i + 1) * K), k * K);
    out.labels.faultClass[k] = all.labels.faultClass[i]!;
    out.labels.logRul[k] = all.labels.logRul[i]!;
    out.endTime[k] = all.endTime[i]!;
    out.stretch[k] = all.stretch[i]!;
  });
  return out;
}

function classNames(set: WindowSet): string[] {
  return [...new Set(set.labels.faultClass)].sort((a, b) => a - b).map((k) => FAULT_CLASSES[k] ?? `#${k}`);
}

function requireBothKinds(set: WindowSet, part: string): void {
  let healthy = 0;
  for (const c of set.labels.faultClass) if (c === 0) healthy++;
  if (healthy === 0)
    throw new RetrainDataError(
      `${part} holds no healthy running (only ${classNames(set).join(', ')}): the model cannot learn or be judged on what normal looks like`,
    );
  if (healthy === set.count)
    throw new RetrainDataError(
      `${part} holds only healthy running: no fault was injected there, so there is no fault to learn from or to score the models on`,
    );
}

/**
 * Windows, labels and the time split; throws RetrainDataError when the history cannot support a retrain.
 * `baseline` (the shipped card's scale) adds each window's long baseline, its history starting where its
 * stretch of history does.
 */
export function buildRecentDataset(
  rows: MinuteRows,
  tagDefs: readonly TagDefinition[],
  stats: NormalizationStats,
  options: Partial<RecentOptions> = {},
  baseline?: BaselineOptions,
): RecentDataset {
  const o = { ...DEFAULT_RECENT, ...options };
  const spans = stretches(rows).filter(([a, b]) => b - a >= WINDOW_LENGTH);
  const hours = (rows.minutes / 60).toFixed(1);
  if (spans.length === 0)
    throw new RetrainDataError(
      `the ${hours} h of history read hold no unbroken ${WINDOW_LENGTH} min of samples; let the simulator or plant run longer`,
    );
  const T = PUMP_TAGS.length;
  const C = PUMP_CONTROLS.length;
  const frames: SampleFrame[] = [];
  const episodes = spans.map(([a, b]) => {
    const n = b - a;
    frames.push(
      pumpFrame(
        rows.tags.subarray(a * T, b * T),
        rows.setpoints.subarray(a * C, b * C),
        n,
        tagDefs,
        (rows.from + a * MINUTE_MS) / 1000,
      ),
    );
    // Recorded history says which fault was injected, not when it would trip: RUL stays unlabelled.
    return { faultClass: rows.faultClass.subarray(a, b), rulHours: new Float32Array(n).fill(Number.NaN) };
  });
  const w = healthWindows(frames, stats, o.stride, baseline);
  const all: WindowSet = {
    count: w.count,
    past: w.past,
    baseline: w.baseline,
    labels: windowLabels(w.frameIndex, w.endRow, episodes),
    endTime: Float64Array.from(
      { length: w.count },
      (_, i) => rows.from + (spans[w.frameIndex[i]!]![0] + w.endRow[i]! + 1) * MINUTE_MS,
    ),
    stretch: w.frameIndex,
  };
  const firstTime = rows.from + spans[0]![0] * MINUTE_MS;
  const lastTime = rows.from + spans[spans.length - 1]![1] * MINUTE_MS;
  const cutoff =
    firstTime + Math.round(((lastTime - firstTime) * (1 - o.heldOutFraction)) / MINUTE_MS) * MINUTE_MS;
  const trainIdx: number[] = [];
  const heldIdx: number[] = [];
  for (let i = 0; i < all.count; i++) {
    const end = all.endTime[i]!;
    if (end <= cutoff) trainIdx.push(i);
    else if (end - WINDOW_LENGTH * MINUTE_MS >= cutoff) heldIdx.push(i);
  }
  const need = (got: number, min: number, part: string) => {
    if (got < min)
      throw new RetrainDataError(
        `too little history: ${part} gives ${got} windows of ${WINDOW_LENGTH} min, at least ${min} are needed (the ${hours} h read hold ${((lastTime - firstTime) / 3_600_000).toFixed(1)} h of samples)`,
      );
  };
  need(trainIdx.length, o.minTrainWindows, `the training part (${hhmm(firstTime)}–${hhmm(cutoff)} UTC)`);
  need(heldIdx.length, o.minHeldOutWindows, `the held-out last ${Math.round(o.heldOutFraction * 100)} %`);
  const keep =
    trainIdx.length <= o.maxTrainWindows
      ? trainIdx
      : Array.from(
          { length: o.maxTrainWindows },
          (_, k) => trainIdx[Math.floor((k * trainIdx.length) / o.maxTrainWindows)]!,
        );
  const train = pick(all, keep);
  const heldOut = pick(all, heldIdx);
  requireBothKinds(train, `the training part (${hhmm(firstTime)}–${hhmm(cutoff)} UTC)`);
  requireBothKinds(heldOut, `the held-out part (${hhmm(cutoff)}–${hhmm(lastTime)} UTC)`);
  return { train, heldOut, cutoff, firstTime, lastTime, stride: o.stride };
}
