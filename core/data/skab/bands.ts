import type { SkabSignal } from './signals';

/** Distribution of one signal over a recording of normal running. */
export interface SignalStats {
  /** Finite samples counted. */
  count: number;
  min: number;
  max: number;
  mean: number;
  /** 0.5 % and 99.5 % percentiles (linear interpolation between order statistics). */
  p005: number;
  p995: number;
}

export interface BandProposal {
  normal: [number, number];
  alarm: { low?: number; high?: number };
}

/**
 * How a band is drawn from a recording of normal running. The normal band is the 0.5–99.5 % percentile
 * span widened by 5 % of its width on each side, so ordinary drift between runs stays "normal". An alarm
 * sits 10 % of that width beyond the recording's most extreme sample (or the band's edge, if further out):
 * not one reading of normal running reaches it, yet it fires long before a departure leaves the sensor's range.
 */
export const BAND_RULE = { lowPercentile: 0.005, highPercentile: 0.995, widen: 0.05, alarmMargin: 0.1 };

/** Percentile `q` (0..1) of ascending `sorted` values, interpolated linearly; NaN when empty. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Statistics of the finite values of one column; NaN and infinities are left out. */
export function signalStats(values: Float64Array): SignalStats {
  const finite = values.filter(Number.isFinite).sort();
  let sum = 0;
  for (const v of finite) sum += v;
  const n = finite.length;
  return {
    count: n,
    min: n > 0 ? finite[0]! : Number.NaN,
    max: n > 0 ? finite[n - 1]! : Number.NaN,
    mean: n > 0 ? sum / n : Number.NaN,
    p005: percentile(finite, BAND_RULE.lowPercentile),
    p995: percentile(finite, BAND_RULE.highPercentile),
  };
}

/** Rounds away from the band's inside to `decimals`, so rounding never narrows a band. */
const roundDown = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Number((Math.floor(v * f + 1e-9) / f).toFixed(decimals));
};
const roundUp = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Number((Math.ceil(v * f - 1e-9) / f).toFixed(decimals));
};

/** Normal band and alarm limits for one signal by BAND_RULE, rounded outward to the signal's decimals. */
export function proposeBand(stats: SignalStats, signal: SkabSignal): BandProposal {
  if (stats.count === 0) throw new Error(`${signal.column}: no finite samples to draw a band from`);
  const d = signal.decimals;
  // A constant signal still gets a band one display step wide rather than none.
  const width = Math.max(stats.p995 - stats.p005, 10 ** -d);
  const normal: [number, number] = [
    roundDown(stats.p005 - BAND_RULE.widen * width, d),
    roundUp(stats.p995 + BAND_RULE.widen * width, d),
  ];
  const margin = BAND_RULE.alarmMargin * width;
  const alarm: BandProposal['alarm'] = {};
  if (signal.alarmSides !== 'high') alarm.low = roundDown(Math.min(stats.min, normal[0]) - margin, d);
  if (signal.alarmSides !== 'low') alarm.high = roundUp(Math.max(stats.max, normal[1]) + margin, d);
  return { normal, alarm };
}

/** Share (0..1) of the finite `values` inside `band`; NaN when there are none. */
export function shareInside(values: Float64Array, band: readonly [number, number]): number {
  let inside = 0;
  let finite = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v >= band[0] && v <= band[1]) inside++;
  }
  return finite > 0 ? inside / finite : Number.NaN;
}
