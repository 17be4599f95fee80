import { describe, expect, it } from 'vitest';
import {
  confusionMatrix,
  expectedCalibrationError,
  macroF1,
  mae,
  phm08Score,
  precisionRecallF1,
  rmse,
  rocAuc,
} from '../../../core/ml/metrics';

describe('regression metrics', () => {
  const pred = [1, 2, 3, 4];
  const truth = [1, 3, 5, 8];
  it('RMSE and MAE', () => {
    // errors 0, −1, −2, −4: squares sum to 21
    expect(rmse(pred, truth)).toBeCloseTo(Math.sqrt(21 / 4), 12);
    expect(mae(pred, truth)).toBe(1.75);
    expect(rmse(Float32Array.from([2]), [2])).toBe(0);
    expect(Number.isNaN(rmse([], []))).toBe(true);
    expect(() => mae([1], [1, 2])).toThrow(/1 predictions but 2 true values/);
  });
  it('PHM08 score penalises late predictions more than early ones', () => {
    // d = −13 → e − 1; d = 10 → e − 1; d = 0 → 0
    expect(phm08Score([0, 20, 5], [13, 10, 5])).toBeCloseTo(2 * (Math.E - 1), 12);
    expect(phm08Score([10], [0])).toBeCloseTo(Math.exp(1) - 1, 12);
    expect(phm08Score([0], [10])).toBeCloseTo(Math.exp(10 / 13) - 1, 12);
    expect(phm08Score([10], [0])).toBeGreaterThan(phm08Score([0], [10]));
    expect(phm08Score([], [])).toBe(0);
  });
});

describe('ROC-AUC', () => {
  it('matches the textbook example', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(rocAuc([0.9, 0.8, 0.1], [1, 1, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.9], [1, 1, 0])).toBe(0);
  });
  it('counts ties as one half', () => {
    // pairs (pos, neg): (.5,.5)=½, (.5,.2)=1, (.9,.5)=1, (.9,.2)=1 → 3.5 / 4
    expect(rocAuc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
    expect(rocAuc([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
  });
  it('is NaN with one class and rejects other labels', () => {
    expect(Number.isNaN(rocAuc([0.1, 0.2], [1, 1]))).toBe(true);
    expect(() => rocAuc([0.1, 0.2], [1, 2])).toThrow(/0 or 1/);
  });
});

describe('classification metrics', () => {
  const truth = [0, 0, 1, 1, 2, 2];
  const pred = [0, 1, 1, 1, 2, 0];
  it('confusion matrix is [true][predicted]', () => {
    expect(confusionMatrix(pred, truth)).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(confusionMatrix([0], [0], 2)).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expect(() => confusionMatrix([3], [0], 2)).toThrow(/0\.\.1/);
  });
  it('precision, recall, F1 per class and macro-F1', () => {
    expect(precisionRecallF1(pred, truth, 0)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    const c1 = precisionRecallF1(pred, truth, 1);
    expect(c1.precision).toBeCloseTo(2 / 3, 12);
    expect(c1.recall).toBe(1);
    expect(c1.f1).toBeCloseTo(0.8, 12);
    const c2 = precisionRecallF1(pred, truth, 2);
    expect(c2).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(macroF1(pred, truth)).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
    // a class never predicted nor present scores 0 when asked for explicitly
    expect(macroF1(pred, truth, [0, 1, 2, 3])).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 4, 12);
    expect(precisionRecallF1([0, 0], [0, 0], 1)).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});

describe('expected calibration error', () => {
  it('weights each bin’s |accuracy − confidence| by its share', () => {
    // bins: [0,.1): .05 vs 0; [.1,.2): .15 vs 0; [.8,.9): .85 vs 0; [.9,1]: .95,.9 vs 1,1
    // Σ |hits − Σconf| = .05 + .15 + .85 + .15 = 1.2, over N = 5
    expect(expectedCalibrationError([0.05, 0.15, 0.95, 0.85, 0.9], [0, 0, 1, 0, 1])).toBeCloseTo(0.24, 12);
    expect(expectedCalibrationError([0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0])).toBeCloseTo(0, 12);
    expect(expectedCalibrationError([1, 1], [1, 0], 2)).toBeCloseTo(0.5, 12);
    expect(() => expectedCalibrationError([1.5], [1])).toThrow(/outside \[0, 1\]/);
  });
});
