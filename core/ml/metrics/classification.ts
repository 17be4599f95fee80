import { assertSameLength } from './shared';

/**
 * Area under the ROC curve for scores against binary labels (1 positive, 0 negative), as the
 * Mann–Whitney statistic with average ranks, so tied scores count one half. NaN when either class
 * is absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  assertSameLength(scores, labels, 'rocAuc');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1; // average 1-based rank of the tie group [i, j]
    for (let k = i; k <= j; k++) {
      const y = labels[order[k]!];
      if (y !== 0 && y !== 1) throw new Error(`rocAuc: labels must be 0 or 1, got ${y}`);
      if (y === 1) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Confusion matrix from integer class labels 0..numClasses−1: matrix[true][predicted] counts.
 * `numClasses` defaults to 1 + the largest label seen.
 */
export function confusionMatrix(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  numClasses?: number,
): number[][] {
  assertSameLength(predicted, truth, 'confusionMatrix');
  let k = numClasses ?? 0;
  if (numClasses === undefined)
    for (let i = 0; i < predicted.length; i++) k = Math.max(k, predicted[i]! + 1, truth[i]! + 1);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i]!;
    const t = truth[i]!;
    if (!Number.isInteger(p) || !Number.isInteger(t) || p < 0 || t < 0 || p >= k || t >= k)
      throw new Error(
        `confusionMatrix: labels must be integers in 0..${k - 1}, got predicted ${p}, true ${t} at ${i}`,
      );
    m[t]![p]!++;
  }
  return m;
}

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
  /** True samples of the class. */
  support: number;
}

/**
 * Precision, recall and F1 of class `positive`. A ratio with a zero denominator is 0 (no
 * prediction of the class gives precision 0), as scikit-learn's `zero_division=0`.
 */
export function precisionRecallF1(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  positive = 1,
): PrecisionRecallF1 {
  assertSameLength(predicted, truth, 'precisionRecallF1');
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i] === positive;
    const t = truth[i] === positive;
    if (p && t) tp++;
    else if (p) fp++;
    else if (t) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

/**
 * Unweighted mean of per-class F1 over `classes` (default: every label seen in truth or
 * predictions).
 */
export function macroF1(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
  classes?: readonly number[],
): number {
  assertSameLength(predicted, truth, 'macroF1');
  let list = classes;
  if (!list) {
    const seen = new Set<number>();
    for (let i = 0; i < predicted.length; i++) {
      seen.add(predicted[i]!);
      seen.add(truth[i]!);
    }
    list = [...seen];
  }
  if (list.length === 0) return Number.NaN;
  let s = 0;
  for (const c of list) s += precisionRecallF1(predicted, truth, c).f1;
  return s / list.length;
}
