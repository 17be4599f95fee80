import type { TelemetryBatch } from '../../../core/api/types';
import { Quality } from '../../../core/data/quality';
import { MINUTE_MS } from './rollup';

/**
 * Running 1-minute aggregates of every tag, with the same meaning as refreshRollup's SQL: values are
 * FLOAT (rounded to float32, non-finite ones are NULL), first/last are the earliest/latest non-NULL
 * values, quality is the worst code of every row (-1: none recorded).
 */
export interface MinuteAggregate {
  minute: number;
  rows: number;
  tFirst: number;
  tLast: number;
  count: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  first: Float64Array;
  last: Float64Array;
  quality: Int16Array;
}

export const minuteOf = (ts: number): number => Math.floor(ts / MINUTE_MS) * MINUTE_MS;

export function emptyMinute(minute: number, tags: number): MinuteAggregate {
  return {
    minute,
    rows: 0,
    tFirst: 0,
    tLast: 0,
    count: new Float64Array(tags),
    sum: new Float64Array(tags),
    min: new Float64Array(tags),
    max: new Float64Array(tags),
    first: new Float64Array(tags),
    last: new Float64Array(tags),
    quality: new Int16Array(tags).fill(-1),
  };
}

function cloneMinute(m: MinuteAggregate): MinuteAggregate {
  return {
    ...m,
    count: m.count.slice(),
    sum: m.sum.slice(),
    min: m.min.slice(),
    max: m.max.slice(),
    first: m.first.slice(),
    last: m.last.slice(),
    quality: m.quality.slice(),
  };
}

/**
 * Whether the batches' sample times (as stored: rounded to whole ms) strictly increase, start after
 * `after` and are not negative; only then can minutes be rolled up as the rows stream past.
 */
export function strictlyAfter(batches: readonly TelemetryBatch[], after: number | null): boolean {
  let prev = after === null ? -1 : Math.round(after);
  for (const b of batches)
    for (let i = 0; i < b.t.length; i++) {
      const t = Math.round(b.t[i] as number);
      if (!(t > prev)) return false;
      prev = t;
    }
  return true;
}

/**
 * Adds the batches' rows (in time order, all after `open`'s rows) to the open minute. Returns the
 * minutes finished on the way and the new open minute; `open` itself is left untouched.
 */
export function rollUpRows(
  open: MinuteAggregate | null,
  batches: readonly TelemetryBatch[],
  tags: number,
): { finished: MinuteAggregate[]; open: MinuteAggregate | null } {
  const finished: MinuteAggregate[] = [];
  let cur = open ? cloneMinute(open) : null;
  for (const b of batches) {
    const len = b.t.length;
    for (let i = 0; i < len;) {
      const m = minuteOf(Math.round(b.t[i] as number));
      if (!cur || cur.minute !== m) {
        if (cur) finished.push(cur);
        cur = emptyMinute(m, tags);
      }
      const end = m + MINUTE_MS;
      let j = i + 1;
      while (j < len && Math.round(b.t[j] as number) < end) j++;
      addRows(cur, b, i, j, tags);
      i = j;
    }
  }
  return { finished, open: cur };
}

function addRows(m: MinuteAggregate, b: TelemetryBatch, from: number, to: number, tags: number): void {
  if (m.rows === 0) m.tFirst = Math.round(b.t[from] as number);
  m.tLast = Math.round(b.t[to - 1] as number);
  m.rows += to - from;
  for (let k = 0; k < tags; k++) {
    const src = b.values[k] as readonly (number | null)[];
    let count = m.count[k] as number;
    let sum = m.sum[k] as number;
    let min = m.min[k] as number;
    let max = m.max[k] as number;
    let first = m.first[k] as number;
    let last = m.last[k] as number;
    for (let r = from; r < to; r++) {
      const v = src[r];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      const f = Math.fround(v);
      if (count++ === 0) {
        first = f;
        min = f;
        max = f;
      } else if (f < min) min = f;
      else if (f > max) max = f;
      last = f;
      sum += f;
    }
    m.count[k] = count;
    m.sum[k] = sum;
    m.min[k] = min;
    m.max[k] = max;
    m.first[k] = first;
    m.last[k] = last;
    // Stored as UTINYINT: the chunk writer's Uint8Array keeps the low 8 bits, as & 0xff does.
    const qs = b.quality[k];
    let q = m.quality[k] as number;
    if (qs)
      for (let r = from; r < to; r++) {
        const c = (qs[r] ?? Quality.missing) & 0xff;
        if (c > q) q = c;
      }
    else if (Quality.missing > q) q = Quality.missing;
    m.quality[k] = q;
  }
}
