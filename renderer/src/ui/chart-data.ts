import type { TagDefinition } from '../../../core/asset/schema';
import { i18n } from '../i18n/i18n';

/** Pure helpers that turn ring tails into uPlot data (seconds on x) and pick y ranges. */

export interface LimitLine {
  label: string;
  value: number;
  kind: 'alarm' | 'trip';
}

/** Alarm and trip limits of a tag as horizontal lines, labelled in the active language. */
export function limitLines(tag: TagDefinition): LimitLine[] {
  const t = i18n.getFixedT(null, 'common');
  const out: LimitLine[] = [];
  if (tag.trip?.high !== undefined)
    out.push({ label: t('chart.tripHigh'), value: tag.trip.high, kind: 'trip' });
  if (tag.alarm?.high !== undefined)
    out.push({ label: t('chart.alarmHigh'), value: tag.alarm.high, kind: 'alarm' });
  if (tag.alarm?.low !== undefined)
    out.push({ label: t('chart.alarmLow'), value: tag.alarm.low, kind: 'alarm' });
  if (tag.trip?.low !== undefined) out.push({ label: t('chart.tripLow'), value: tag.trip.low, kind: 'trip' });
  return out;
}

/**
 * Samples within `windowMs` of the newest one, decimated by min/max per bucket to at most
 * `maxPoints` points; x in seconds for uPlot, missing values as null (gaps).
 */
export function windowSeries(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  windowMs: number,
  maxPoints = 1200,
): { x: number[]; y: (number | null)[] } {
  const n = t.length;
  if (n === 0) return { x: [], y: [] };
  const newest = t[n - 1] ?? 0;
  let start = 0;
  while (start < n && !((t[start] ?? -Infinity) >= newest - windowMs)) start++;
  const count = n - start;
  const x: number[] = [];
  const y: (number | null)[] = [];
  const push = (i: number) => {
    const value = v[i] ?? Number.NaN;
    x.push((t[i] ?? 0) / 1000);
    y.push(Number.isFinite(value) ? value : null);
  };
  if (count <= maxPoints) {
    for (let i = start; i < n; i++) push(i);
    return { x, y };
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = count / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = start + Math.floor(b * size);
    const to = Math.min(n, start + Math.floor((b + 1) * size));
    let iMin = -1;
    let iMax = -1;
    for (let i = from; i < to; i++) {
      const value = v[i] ?? Number.NaN;
      if (!Number.isFinite(value)) continue;
      if (iMin < 0 || value < (v[iMin] ?? 0)) iMin = i;
      if (iMax < 0 || value > (v[iMax] ?? 0)) iMax = i;
    }
    if (iMin < 0) push(from);
    else if (iMin === iMax) push(iMin);
    else {
      push(Math.min(iMin, iMax));
      push(Math.max(iMin, iMax));
    }
  }
  return { x, y };
}

/**
 * Y range covering the data and the normal band, plus alarm limits, padded 8 %; trip limits are
 * included only when close enough not to squash the trend.
 */
export function yRange(values: readonly (number | null)[], tag: TagDefinition): [number, number] {
  let lo = tag.normal[0];
  let hi = tag.normal[1];
  for (const value of values) {
    if (value === null) continue;
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  for (const l of limitLines(tag)) {
    if (l.kind === 'alarm' || Math.abs(l.value - (l.value > hi ? hi : lo)) <= (hi - lo) * 1.5) {
      lo = Math.min(lo, l.value);
      hi = Math.max(hi, l.value);
    }
  }
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}
