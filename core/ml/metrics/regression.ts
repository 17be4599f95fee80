import { assertSameLength } from './shared';

/** Root mean squared error; NaN for empty input. */
export function rmse(predicted: ArrayLike<number>, truth: ArrayLike<number>): number {
  assertSameLength(predicted, truth, 'rmse');
  if (predicted.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < predicted.length; i++) {
    const d = predicted[i]! - truth[i]!;
    s += d * d;
  }
  return Math.sqrt(s / predicted.length);
}

/** Mean absolute error; NaN for empty input. */
export function mae(predicted: ArrayLike<number>, truth: ArrayLike<number>): number {
  assertSameLength(predicted, truth, 'mae');
  if (predicted.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < predicted.length; i++) s += Math.abs(predicted[i]! - truth[i]!);
  return s / predicted.length;
}

/**
 * NASA PHM08 challenge score for RUL estimates (Saxena et al. 2008): with d = predicted − true,
 * s = Σ exp(−d/13) − 1 for d < 0 (early) and exp(d/10) − 1 for d ≥ 0 (late). Lower is better;
 * late predictions cost more. A sum, not a mean: compare only on the same test set.
 */
export function phm08Score(predicted: ArrayLike<number>, truth: ArrayLike<number>): number {
  assertSameLength(predicted, truth, 'phm08Score');
  let s = 0;
  for (let i = 0; i < predicted.length; i++) {
    const d = predicted[i]! - truth[i]!;
    s += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
  }
  return s;
}
