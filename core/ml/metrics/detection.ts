import { assertSameLength } from './shared';

/** Counts of 0/1 marks against 0/1 labels, one per row; add several files' counts to pool them. */
export interface DetectionCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const emptyDetectionCounts = (): DetectionCounts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** Adds the rows of `marks` against `labels` (both 0/1) to `into` and returns it. */
export function countDetections(
  marks: ArrayLike<number>,
  labels: ArrayLike<number>,
  into: DetectionCounts = emptyDetectionCounts(),
): DetectionCounts {
  assertSameLength(marks, labels, 'countDetections');
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    const y = labels[i]!;
    if ((m !== 0 && m !== 1) || (y !== 0 && y !== 1))
      throw new Error(`countDetections: row ${i} has mark ${m} and label ${y}; both must be 0 or 1`);
    if (m === 1 && y === 1) into.tp++;
    else if (m === 1) into.fp++;
    else if (y === 1) into.fn++;
    else into.tn++;
  }
  return into;
}

/**
 * Figures of an outlier-detection benchmark (as SKAB defines them): F1 = TP / (TP + (FP + FN) / 2), false
 * alarm rate FAR = FP / (FP + TN) and missed alarm rate MAR = FN / (FN + TP), both in %. NaN where a
 * denominator is 0.
 */
export function detectionFigures(c: DetectionCounts): { f1: number; farPercent: number; marPercent: number } {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
  return {
    f1: ratio(c.tp, c.tp + (c.fp + c.fn) / 2),
    farPercent: 100 * ratio(c.fp, c.fp + c.tn),
    marPercent: 100 * ratio(c.fn, c.fn + c.tp),
  };
}

/**
 * Rows from the first labelled row to the first row that is both marked and labelled (the first true
 * alarm); null when no labelled row is marked or there is no labelled row.
 */
export function firstDetectionDelay(marks: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  assertSameLength(marks, labels, 'firstDetectionDelay');
  let start = -1;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    if (start < 0) start = i;
    if (marks[i] === 1) return i - start;
  }
  return null;
}
