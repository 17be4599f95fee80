import type { SampleFrame } from '../../data/frame';
import type { KnownFaultInterval } from './known-fault';

/** One finding of the pre-training checks, in plain words naming the tag and the time range. */
export interface NormalPreflightIssue {
  /** Stable code for the kind of problem, e.g. "too-short", "limit-alarm". */
  code: string;
  message: string;
  tagId?: string;
  /** Time range the finding is about, epoch ms (or frame seconds × 1000 for frames without wall time). */
  fromMs?: number;
  toMs?: number;
  /** The known fault a 'known-fault' refusal is about. */
  fault?: KnownFaultInterval;
}

/** Frame times above this are epoch seconds; below, seconds from the start of a recording. */
const EPOCH_SECONDS_FROM = 1e8;

function describeTime(seconds: number): string {
  if (seconds >= EPOCH_SECONDS_FROM)
    return new Date(seconds * 1000)
      .toISOString()
      .replace('T', ' ')
      .replace(/\.000Z$/, 'Z');
  return `t = ${Number(seconds.toFixed(3))} s`;
}

/** "rows 12–40 (2026-01-01 00:00:11Z – 2026-01-01 00:00:39Z)", rows counted from 1 as in a file. */
export function describeRows(frame: SampleFrame, first: number, last: number): string {
  const rows = first === last ? `row ${first + 1}` : `rows ${first + 1}–${last + 1}`;
  const from = describeTime(frame.t[first]!);
  return first === last ? `${rows} (${from})` : `${rows} (${from} – ${describeTime(frame.t[last]!)})`;
}

/** The issue's time range for rows [first, last] of a frame. */
export const rowSpan = (
  frame: SampleFrame,
  first: number,
  last: number,
): Pick<NormalPreflightIssue, 'fromMs' | 'toMs'> => ({
  fromMs: frame.t[first]! * 1000,
  toMs: frame.t[last]! * 1000,
});

/** A duration in words: "53 s", "6.7 min", "2.5 h". */
export function describeDuration(seconds: number): string {
  if (seconds < 120) return `${Number(seconds.toFixed(1))} s`;
  if (seconds < 7200) return `${Number((seconds / 60).toFixed(1))} min`;
  return `${Number((seconds / 3600).toFixed(1))} h`;
}

/** Runs of consecutive rows for which `hit(row)` holds, as [first, last] pairs. */
export function runsWhere(rows: number, hit: (row: number) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let r = 0; r <= rows; r++) {
    const on = r < rows && hit(r);
    if (on && start < 0) start = r;
    else if (!on && start >= 0) {
      runs.push([start, r - 1]);
      start = -1;
    }
  }
  return runs;
}
