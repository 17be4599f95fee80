/**
 * Calibration of the RUL interval on held-out units: the quantile heads of a network that fits its training
 * windows closely give an interval narrower than it claims. One scale k widens (k > 1) both sides around the
 * mean, q10' = mean − k·(mean − q10) and q90' = mean + k·(q90 − mean), chosen as the smallest k whose interval
 * holds the nominal share of held-out truths. It is a frozen 3 × 3 Dense layer after the network, so the app
 * still makes one predict call and reads the same three outputs.
 */

/** Nominal coverage of the [q10, q90] interval. */
export const NOMINAL_COVERAGE = 0.8;

/** Share of `truth` inside the interval widened by `k` (all arrays in cycles). */
export function coverageAt(
  p: { mean: ArrayLike<number>; q10: ArrayLike<number>; q90: ArrayLike<number> },
  truth: ArrayLike<number>,
  k: number,
): number {
  let inside = 0;
  for (let i = 0; i < truth.length; i++) {
    const m = p.mean[i]!;
    const lo = m - k * (m - p.q10[i]!);
    const hi = m + k * (p.q90[i]! - m);
    if (truth[i]! >= Math.min(lo, hi) && truth[i]! <= Math.max(lo, hi)) inside++;
  }
  return truth.length ? inside / truth.length : Number.NaN;
}

/** Smallest k in [0.25, 16] (to 0.01) whose interval covers at least `target` of the truths. */
export function fitIntervalScale(
  p: { mean: ArrayLike<number>; q10: ArrayLike<number>; q90: ArrayLike<number> },
  truth: ArrayLike<number>,
  target = NOMINAL_COVERAGE,
): number {
  let lo = 0.25;
  let hi = 16;
  if (coverageAt(p, truth, hi) < target) return hi;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (coverageAt(p, truth, mid) >= target) hi = mid;
    else lo = mid;
  }
  return Math.round(hi * 100) / 100;
}

/** Kernel [3 in, 3 out] (row-major) of the frozen layer: outputs (q10', mean, q90') from (q10, mean, q90). */
export function intervalScaleKernel(k: number): Float32Array {
  // prettier-ignore
  return Float32Array.from([
    k,     0, 0,
    1 - k, 1, 1 - k,
    0,     0, k,
  ]);
}
