import { normalUpperQuantile } from './gaussian-tail';

const SECONDS_PER_DAY = 86_400;

export interface BudgetInput {
  /** Tags taking part in the score (the score is the largest of their deviations). */
  scoredTags: number;
  windowRows: number;
  sampleRateHz: number;
  falseAlarmsPerDay: number;
}

/**
 * The score level for a false-alarm budget, before calibration. Window means a window apart are treated as
 * independent tests, each of `scoredTags` two-sided Gaussian deviations (Bonferroni), so a day holds
 * rows/day ÷ windowRows tests and the level is the z whose tail, 2·scoredTags·P(Z > z) per test, adds up
 * to the budget. Persistence (k of n rows) only lowers the alarm rate further, so the level is conservative.
 */
export function budgetLevel({
  scoredTags,
  windowRows,
  sampleRateHz,
  falseAlarmsPerDay,
}: BudgetInput): number {
  const testsPerDay = (SECONDS_PER_DAY * sampleRateHz) / windowRows;
  const tail = falseAlarmsPerDay / (testsPerDay * 2 * Math.max(1, scoredTags));
  return normalUpperQuantile(Math.min(tail, 0.5));
}

/**
 * How much worse held-out normal rows look than the model says they should: the root mean square of their
 * per-tag deviations (1 when the model is right, since each deviation is in z units), never below 1. The
 * held-out rows come after the rows the model was fitted on, so drift the fit could not see shows here.
 */
export function heldOutInflation(deviations: Iterable<number>): number {
  let sum = 0;
  let n = 0;
  for (const z of deviations) {
    if (!Number.isFinite(z)) continue;
    sum += z * z;
    n++;
  }
  return n === 0 ? 1 : Math.max(1, Math.sqrt(sum / n));
}
