import { ROWS_PER_PAUSE, runSteps, type Steps } from './steps';

/** What the training rows say about one tag in normal running. */
export interface TagStatistics {
  /** Finite training samples the figures come from. */
  samples: number;
  mean: number;
  /** Per-sample standard deviation (population form). */
  sd: number;
  /**
   * Integrated autocorrelation time in rows, 1 + 2·Σρ(k) summed while ρ(k) > 0 (initial positive
   * sequence): how many rows one independent sample of this tag is worth. 1 for white noise; a slow
   * temperature can reach a third of the training span.
   */
  autocorrelationRows: number;
}

/** Statistics of the finite values of `values` (NaN and infinities are left out, not treated as gaps). */
export function tagStatistics(values: ArrayLike<number>, maxLag: number): TagStatistics {
  return runSteps(tagStatisticsSteps(values, maxLag));
}

/** tagStatistics, pausing between lags of the autocorrelation sum (most of the time of a long period). */
export function* tagStatisticsSteps(values: ArrayLike<number>, maxLag: number): Steps<TagStatistics> {
  const x: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) x.push(values[i]!);
  const n = x.length;
  if (n === 0) return { samples: 0, mean: Number.NaN, sd: Number.NaN, autocorrelationRows: Number.NaN };
  let sum = 0;
  for (const v of x) sum += v;
  const mean = sum / n;
  const centred = x.map((v) => v - mean);
  let variance = 0;
  for (const c of centred) variance += c * c;
  variance /= n;
  return {
    samples: n,
    mean,
    sd: Math.sqrt(variance),
    autocorrelationRows: yield* autocorrelationRows(centred, variance, maxLag),
  };
}

function* autocorrelationRows(centred: readonly number[], variance: number, maxLag: number): Steps<number> {
  const n = centred.length;
  if (!(variance > 0)) return 1;
  let tau = 1;
  const lastLag = Math.min(maxLag, Math.floor(n / 2) - 1);
  for (let k = 1; k <= lastLag; k++) {
    if (k % Math.max(1, Math.floor(ROWS_PER_PAUSE / Math.max(1, n))) === 0) yield;
    let s = 0;
    for (let i = k; i < n; i++) s += centred[i]! * centred[i - k]!;
    const rho = s / n / variance;
    if (rho <= 0) break;
    tau += 2 * rho;
  }
  return tau;
}

/** Independent samples the training rows hold of this tag: samples / autocorrelation time, at least 2. */
export function effectiveSamples(stats: TagStatistics): number {
  return Math.max(2, stats.samples / stats.autocorrelationRows);
}
