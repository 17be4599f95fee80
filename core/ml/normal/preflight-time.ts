import type { SampleFrame } from '../../data/frame';
import {
  describeDuration,
  describeRows,
  rowSpan,
  runsWhere,
  type NormalPreflightIssue,
} from './preflight-issue';

/** The data's rate may differ from the asset's by this share before it counts as another rate. */
const RATE_TOLERANCE = 0.1;
/** A step this many sample intervals long or longer is a gap in the timestamps. */
const GAP_INTERVALS = 1.5;

/** Median of the positive steps between timestamps, in seconds; NaN with fewer than two rows. */
export function medianInterval(t: Float64Array): number {
  const steps: number[] = [];
  for (let r = 1; r < t.length; r++) if (t[r]! > t[r - 1]!) steps.push(t[r]! - t[r - 1]!);
  if (steps.length === 0) return Number.NaN;
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1]!;
}

const hz = (rate: number) => `${Number(rate.toPrecision(3))} Hz`;

/**
 * Timestamps out of order (refused: the causal window and the held-out split assume time order), a data
 * rate other than the asset's (refused: the window and the false-alarm budget are counted in rows at the
 * asset's rate), and gaps in the timestamps (warned: the window spans them as if the rows were adjacent).
 */
export function checkTimes(frame: SampleFrame, sampleRateHz: number): NormalPreflightIssue[] {
  const { t } = frame;
  const issues: NormalPreflightIssue[] = [];
  for (let r = 1; r < t.length; r++)
    if (!(t[r]! > t[r - 1]!)) {
      issues.push({
        code: 'time-order',
        message:
          `timestamps do not increase at ${describeRows(frame, r - 1, r)}: sort the data by time and ` +
          `remove duplicate timestamps before training`,
        ...rowSpan(frame, r - 1, r),
      });
      return issues;
    }
  const interval = medianInterval(t);
  if (!Number.isFinite(interval)) return issues;
  const expected = 1 / sampleRateHz;
  if (Math.abs(interval / expected - 1) > RATE_TOLERANCE) {
    issues.push({
      code: 'rate-mismatch',
      message:
        `the data are sampled every ${describeDuration(interval)} (${hz(1 / interval)}), the asset every ` +
        `${describeDuration(expected)} (${hz(sampleRateHz)}), ${describeRows(frame, 0, t.length - 1)}: ` +
        `the model's window and false-alarm budget count rows at the asset's rate; resample the data to ` +
        `${hz(sampleRateHz)} or give the asset's real rate`,
      ...rowSpan(frame, 0, t.length - 1),
    });
    return issues;
  }
  const gaps = runsWhere(t.length - 1, (r) => t[r + 1]! - t[r]! >= GAP_INTERVALS * expected);
  if (gaps.length > 0) {
    const longest = gaps
      .map(([a]) => a)
      .reduce((best, r) => (t[r + 1]! - t[r]! > t[best + 1]! - t[best]! ? r : best));
    const lost = gaps.reduce((sum, [a, b]) => {
      for (let r = a; r <= b; r++) sum += Math.round((t[r + 1]! - t[r]!) * sampleRateHz) - 1;
      return sum;
    }, 0);
    issues.push({
      code: 'time-gap',
      message:
        `${gaps.length} gap(s) in the timestamps, about ${lost} row(s) missing in all; the longest, ` +
        `${describeDuration(t[longest + 1]! - t[longest]!)}, between ${describeRows(frame, longest, longest + 1)}: ` +
        `the trailing window treats the rows either side of a gap as adjacent`,
      ...rowSpan(frame, longest, longest + 1),
    });
  }
  return issues;
}
