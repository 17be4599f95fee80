import { describe, expect, it } from 'vitest';
import {
  budgetLevel,
  CausalScorer,
  gaussianEquivalent,
  heldOutInflation,
  normalUpperQuantile,
  normalUpperTail,
  trainNormalModel,
} from '../../../../core/ml/normal';
import { frameOf, normalRows, syntheticTags } from './synthetic';

/** Alarm events (rising edges) over `rows`, scored after `warmup` rows that are not counted. */
function alarmEvents(scorer: CausalScorer, rows: readonly number[][], warmup: number): number {
  let events = 0;
  let was = false;
  rows.forEach((row, i) => {
    const { alarm } = scorer.push(row);
    if (i >= warmup && alarm && !was) events++;
    was = alarm;
  });
  return events;
}

describe('Gaussian tails', () => {
  it('inverts the normal tail', () => {
    expect(normalUpperQuantile(0.025)).toBeCloseTo(1.96, 3);
    expect(normalUpperQuantile(1e-5)).toBeCloseTo(4.2649, 3);
    expect(normalUpperTail(normalUpperQuantile(3e-7))).toBeCloseTo(3e-7, 9);
  });

  it('maps a t deviate to the z of the same tail (Wallace), heavier for few degrees of freedom', () => {
    expect(gaussianEquivalent(4, 1e9)).toBeCloseTo(4, 6);
    expect(gaussianEquivalent(4, 30)).toBeCloseTo(3.55, 1); // exact 3.552
    expect(gaussianEquivalent(8, 3)).toBeCloseTo(2.87, 1); // exact 2.872
    expect(gaussianEquivalent(50, 2)).toBeLessThan(4);
  });
});

describe('threshold calibration to a false-alarm budget', () => {
  it('sets the budget level by Bonferroni over tags and independent windows per day', () => {
    // 86,400 windows of 1 row per day, 8 tags, 1 alarm/day: P(Z > z) = 1 / (86,400 · 16).
    expect(budgetLevel({ scoredTags: 8, windowRows: 1, sampleRateHz: 1, falseAlarmsPerDay: 1 })).toBeCloseTo(
      normalUpperQuantile(1 / (86_400 * 16)),
      9,
    );
    const strict = budgetLevel({ scoredTags: 8, windowRows: 20, sampleRateHz: 1, falseAlarmsPerDay: 0.1 });
    const loose = budgetLevel({ scoredTags: 8, windowRows: 20, sampleRateHz: 1, falseAlarmsPerDay: 10 });
    expect(strict).toBeGreaterThan(loose);
  });

  it('inflates the threshold only when held-out rows look worse than the model says', () => {
    expect(heldOutInflation([0.5, -0.5, 0.2])).toBe(1);
    expect(heldOutInflation([2, -2, 2, -2])).toBe(2);
    expect(heldOutInflation([Number.NaN])).toBe(1);
  });

  it('raises at most the budgeted false alarms on two days of synthetic normal running', () => {
    const tags = syntheticTags(6);
    // Two white tags, and four autocorrelated ones (τ ≈ 3 … 39 rows) that a 20-row window averages less.
    const phi = [0, 0, 0.5, 0.8, 0.9, 0.95];
    const training = normalRows(2_000, tags.length, 11, phi);
    const { model, report } = trainNormalModel(frameOf(training, tags), tags, { falseAlarmsPerDay: 1 });
    expect(report.heldOutRows).toBe(500);
    expect(model.threshold).toBeGreaterThanOrEqual(report.budgetLevel);
    const day = 86_400;
    const running = normalRows(2 * day, tags.length, 12, phi);
    const scorer = new CausalScorer(model);
    alarmEvents(scorer, training, training.length);
    expect(alarmEvents(scorer, running, 0)).toBeLessThanOrEqual(2);
  });
});
