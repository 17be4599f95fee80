import { MINUTE_MS } from '../store/rollup';
import { ident, qualityColumn, valueColumn } from '../store/schema';

/** How the buckets of a window are laid out. */
export interface BucketGrid {
  /** SQL for the bucket index of a row with time `ts`. */
  bucketOf: string;
  /** Start time of bucket b. */
  start(b: number): number;
  bucketMs: number;
  /** Whole minutes per bucket: the 1-minute rollup answers it exactly. */
  minuteAligned: boolean;
}

/**
 * Buckets of at least a minute are made of whole minutes (minute i of the window goes to bucket
 * i × buckets ÷ minutes), so the rollup answers them exactly; shorter buckets split [from, to) evenly.
 */
export function bucketGrid(from: number, to: number, buckets: number): BucketGrid {
  const m0 = Math.floor(from / MINUTE_MS);
  const minutes = Math.ceil(to / MINUTE_MS) - m0;
  if (minutes >= buckets)
    return {
      bucketOf: `(ts // ${MINUTE_MS} - ${m0}) * ${buckets} // ${minutes}`,
      start: (b) => Math.max(from, (m0 + Math.ceil((b * minutes) / buckets)) * MINUTE_MS),
      bucketMs: (minutes * MINUTE_MS) / buckets,
      minuteAligned: true,
    };
  const span = to - from;
  return {
    bucketOf: `(ts - ${from}) * ${buckets} // ${span}`,
    start: (b) => from + Math.ceil((b * span) / buckets),
    bucketMs: span / buckets,
    minuteAligned: false,
  };
}

/** A table and time range that feeds the window, with the expressions of each M4 input. */
interface Source {
  table: string;
  from: number;
  to: number;
  raw: boolean;
}

export interface WindowPlan {
  sql: string;
  usedRollup: boolean;
}

/**
 * One GROUP BY over the sources. Minute-aligned grids read the rollup for whole minutes inside the
 * window and raw samples only for the partial minutes at its edges; finer grids read raw samples,
 * plus rollup minutes before `rawFrom` (raw rows removed by retention).
 */
export function planWindow(opts: {
  tables: { samples: string; rollup: string };
  tagIds: readonly string[];
  from: number;
  to: number;
  grid: BucketGrid;
  rawFrom: number;
  rawOnly: boolean;
  withFirstLast: boolean;
  withQuality: boolean;
}): WindowPlan {
  const { tables, from, to, grid, rawFrom } = opts;
  const sources: Source[] = [];
  const raw = (a: number, b: number) =>
    b > a && sources.push({ table: tables.samples, from: a, to: b, raw: true });
  const rolled = (a: number, b: number) =>
    b > a && sources.push({ table: tables.rollup, from: a, to: b, raw: false });
  if (grid.minuteAligned && !opts.rawOnly) {
    // Partial edge minutes come from raw samples while those exist.
    let lo = Math.ceil(from / MINUTE_MS) * MINUTE_MS;
    let hi = Math.floor(to / MINUTE_MS) * MINUTE_MS;
    if (from < rawFrom) lo = Math.floor(from / MINUTE_MS) * MINUTE_MS;
    if (hi < rawFrom) hi = Math.ceil(to / MINUTE_MS) * MINUTE_MS;
    if (hi <= lo) raw(from, to);
    else {
      raw(from, lo);
      rolled(lo, hi);
      raw(hi, to);
    }
  } else {
    raw(Math.max(from, rawFrom), to);
    if (!opts.rawOnly) rolled(from, Math.min(to, rawFrom));
  }
  if (sources.length === 0) raw(from, to);

  const inputs = (s: Source, alias: boolean) => {
    const as = (expr: string, name: string) => (alias ? `${expr} AS ${name}` : expr);
    const cols = [as('ts', 'ts'), as(s.raw ? 'ts' : 't_first', 't0'), as(s.raw ? 'ts' : 't_last', 't1')];
    opts.tagIds.forEach((id, i) => {
      const v = ident(valueColumn(id));
      const pick = (rollupCol: string) => (s.raw ? v : ident(`${rollupCol}_${id}`));
      cols.push(as(pick('min'), `mn${i}`), as(pick('max'), `mx${i}`));
      if (opts.withFirstLast) cols.push(as(pick('first'), `f${i}`), as(pick('last'), `l${i}`));
      if (opts.withQuality) cols.push(as(ident(qualityColumn(id)), `q${i}`));
    });
    return cols;
  };
  const where = (s: Source) => `ts >= ${s.from} AND ts < ${s.to}`;

  let from_: string;
  let col: (name: string, i: number, s?: Source) => string;
  const single = sources.length === 1 ? (sources[0] as Source) : null;
  if (single) {
    // One source: aggregate its columns directly (no projection in between).
    from_ = `${ident(single.table)} WHERE ${where(single)}`;
    const names = inputs(single, false);
    const order = ['ts', 't0', 't1'];
    opts.tagIds.forEach((_, i) => {
      order.push(`mn${i}`, `mx${i}`);
      if (opts.withFirstLast) order.push(`f${i}`, `l${i}`);
      if (opts.withQuality) order.push(`q${i}`);
    });
    col = (name) => names[order.indexOf(name)] as string;
  } else {
    from_ = `(${sources.map((s) => `SELECT ${inputs(s, true).join(', ')} FROM ${ident(s.table)} WHERE ${where(s)}`).join(' UNION ALL ')})`;
    col = (name) => name;
  }
  const aggs = [`min(${col('t0', 0)})`, `max(${col('t1', 0)})`];
  opts.tagIds.forEach((_, i) => {
    aggs.push(`min(${col(`mn${i}`, i)})`, `max(${col(`mx${i}`, i)})`);
    if (opts.withFirstLast) aggs.push(`arg_min(${col(`f${i}`, i)}, ts)`, `arg_max(${col(`l${i}`, i)}, ts)`);
    if (opts.withQuality) aggs.push(`max(${col(`q${i}`, i)})`);
  });
  return {
    sql: `SELECT ${grid.bucketOf} AS b, ${aggs.join(', ')} FROM ${from_} GROUP BY b ORDER BY b`,
    usedRollup: sources.some((s) => !s.raw),
  };
}
