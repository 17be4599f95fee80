/**
 * The health model's long baseline: per balance channel a slow mean over about 12 h, per fault-prone tag a
 * slow share of repaired samples over about 4 h, kept by a tracker fed one settled row at a time. Training
 * runs the tracker over a whole episode, the live app keeps one across ticks, so both see the same
 * channels for the same stream (a row is fed once it is BASELINE_LAG rows old: by then the cleaning of a
 * 48-row live window has all the neighbours the cleaning of a whole episode had).
 */
import { createFrame, type SampleFrame } from '../../data/frame';
import { isGood, Quality } from '../../data/quality';
import {
  BALANCE_CHANNELS,
  BASELINE_CHANNELS,
  HEALTH_VALUE_CHANNELS,
  PAST_VALUE_CHANNELS,
  SAMPLE_PERIOD_S,
  SENSOR_FAULT_TAGS,
  WINDOW_LENGTH,
} from './spec';

/** Rows a sample waits before it is fed: Hampel half-window (5) + 1; gaps of ≤ 3 rows close sooner. */
export const BASELINE_LAG = 6;
/** Time constant of a balance's slow mean, rows (12 h): a drift of hours stands out against it. */
export const BALANCE_BASELINE_ROWS = 720;
/** Time constant of a tag's repair rate, rows (4 h): a few spikes an hour add up against it. */
export const REPAIR_RATE_ROWS = 240;
/** Rows fed before a baseline counts; until then its channels are missing (mask 0). */
export const BASELINE_WARMUP = 30;

const B = BALANCE_CHANNELS.length;
const S = SENSOR_FAULT_TAGS.length;
const BALANCE_INDEX = BALANCE_CHANNELS.map((c) => PAST_VALUE_CHANNELS.indexOf(c));
const TAG_INDEX = SENSOR_FAULT_TAGS.map((t) => PAST_VALUE_CHANNELS.indexOf(t));
/** Snapshots kept for the live window's rows. */
const HISTORY = WINDOW_LENGTH + BASELINE_LAG;

/**
 * Exponentially weighted means that start as running means (weight max(1/τ, 1/n)), so the first hours
 * are the plain mean of what has been seen rather than a pull toward zero.
 */
export class SlowBaseline {
  private readonly mean = new Float64Array(B);
  private readonly count = new Int32Array(B);
  private readonly rate = new Float64Array(S);
  private fed = 0;
  private history: { t: number; state: Float32Array }[] = [];

  /** Time of the last row fed (seconds, the frame's clock); −∞ before the first. */
  get lastFedTime(): number {
    return this.history.at(-1)?.t ?? -Infinity;
  }

  reset(): void {
    this.mean.fill(0);
    this.count.fill(0);
    this.rate.fill(0);
    this.fed = 0;
    this.history = [];
  }

  /** Feeds row `r` of a cleaned PAST_VALUE_CHANNELS frame. */
  feed(frame: SampleFrame, r: number): void {
    BALANCE_INDEX.forEach((c, b) => {
      if (!isGood(frame.quality[c]![r]!)) return;
      const v = frame.values[c]![r]!;
      if (!Number.isFinite(v)) return;
      this.count[b]!++;
      this.mean[b]! += (v - this.mean[b]!) * Math.max(1 / BALANCE_BASELINE_ROWS, 1 / this.count[b]!);
    });
    this.fed++;
    const w = Math.max(1 / REPAIR_RATE_ROWS, 1 / this.fed);
    TAG_INDEX.forEach((c, s) => {
      const repaired = frame.quality[c]![r] === Quality.good ? 0 : 1;
      this.rate[s]! += (repaired - this.rate[s]!) * w;
    });
    this.history.push({ t: frame.t[r]!, state: this.snapshot() });
    if (this.history.length > HISTORY) this.history.shift();
  }

  /** [B slow balance means, S repair rates], NaN where not warm yet. */
  private snapshot(): Float32Array {
    const out = new Float32Array(B + S);
    for (let b = 0; b < B; b++) out[b] = this.count[b]! >= BASELINE_WARMUP ? this.mean[b]! : NaN;
    for (let s = 0; s < S; s++) out[B + s] = this.fed >= BASELINE_WARMUP ? this.rate[s]! : NaN;
    return out;
  }

  /**
   * The state right after the row at time `t` was fed: the latest row fed no later than half a period
   * after `t` (live grids need not fall on whole minutes), or undefined when none lies within a period and a
   * half before it.
   */
  stateAfter(t: number): Float32Array | undefined {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k]!;
      if (h.t <= t + SAMPLE_PERIOD_S / 2) return h.t > t - 1.5 * SAMPLE_PERIOD_S ? h.state : undefined;
    }
    return undefined;
  }
}

/**
 * A HEALTH_VALUE_CHANNELS frame: the columns of `frame` (shared, not copied), then the baseline channels of
 * each row from `stateOf(r)` (the tracker's state after the row BASELINE_LAG rows earlier was fed).
 */
function withBaselineColumns(
  frame: SampleFrame,
  stateOf: (r: number) => Float32Array | undefined,
): SampleFrame {
  const rows = frame.t.length;
  const extra = createFrame(BASELINE_CHANNELS, rows);
  for (let r = 0; r < rows; r++) {
    const state = stateOf(r);
    if (!state) continue;
    BALANCE_INDEX.forEach((c, b) => {
      const v = isGood(frame.quality[c]![r]!) ? frame.values[c]![r]! - state[b]! : NaN;
      if (Number.isFinite(v)) {
        extra.values[b]![r] = v;
        extra.quality[b]![r] = Quality.good;
      }
    });
    for (let s = 0; s < S; s++) {
      const v = state[B + s]!;
      if (Number.isFinite(v)) {
        extra.values[B + s]![r] = v;
        extra.quality[B + s]![r] = Quality.good;
      }
    }
  }
  return {
    t: frame.t,
    tagIds: HEALTH_VALUE_CHANNELS,
    values: [...frame.values, ...extra.values],
    quality: [...frame.quality, ...extra.quality],
  };
}

/** The health frame of a whole recording (an episode, a stretch of history), the tracker starting cold at its first row. */
export function healthFrame(frame: SampleFrame): SampleFrame {
  const tracker = new SlowBaseline();
  const states: (Float32Array | undefined)[] = [];
  for (let r = 0; r < frame.t.length; r++) {
    if (r >= BASELINE_LAG) tracker.feed(frame, r - BASELINE_LAG);
    states.push(r >= BASELINE_LAG ? tracker.stateAfter(frame.t[r - BASELINE_LAG]!) : undefined);
  }
  return withBaselineColumns(frame, (r) => states[r]);
}

/**
 * The health frame of a live window (the last rows of a stream, already cleaned by `pumpFrame`): feeds
 * `tracker` the window's settled rows it has not seen yet, then reads each row's baseline from it. A window
 * that ends before the last row fed (replay jumped back, a new source) starts the tracker afresh.
 */
export function liveHealthFrame(frame: SampleFrame, tracker: SlowBaseline): SampleFrame {
  const rows = frame.t.length;
  const half = SAMPLE_PERIOD_S / 2;
  if (rows > 0 && frame.t[rows - 1]! - BASELINE_LAG * SAMPLE_PERIOD_S < tracker.lastFedTime - half)
    tracker.reset();
  // One row per period: a live grid that moved on by less than a period brings no new row.
  for (let r = 0; r + BASELINE_LAG < rows; r++)
    if (frame.t[r]! >= tracker.lastFedTime + 0.95 * SAMPLE_PERIOD_S) tracker.feed(frame, r);
  return withBaselineColumns(frame, (r) => tracker.stateAfter(frame.t[r]! - BASELINE_LAG * SAMPLE_PERIOD_S));
}
