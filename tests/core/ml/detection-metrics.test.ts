import { describe, expect, it } from 'vitest';
import { countDetections, detectionFigures, firstDetectionDelay } from '../../../core/ml/metrics';

describe('detection metrics (SKAB definitions)', () => {
  it('pools counts and gives F1, FAR % and MAR %', () => {
    const c = countDetections([1, 1, 0, 0, 1], [1, 0, 1, 0, 1]);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    countDetections([0], [1], c);
    const f = detectionFigures(c);
    expect(f.f1).toBeCloseTo(2 / (2 + 3 / 2), 12);
    expect(f.farPercent).toBeCloseTo(50, 12);
    expect(f.marPercent).toBeCloseTo(50, 12);
    expect(() => countDetections([2], [0])).toThrow(/row 0/);
  });

  it('measures the delay to the first true alarm', () => {
    expect(firstDetectionDelay([1, 0, 0, 1, 1], [0, 1, 1, 1, 1])).toBe(2);
    expect(firstDetectionDelay([1, 0], [0, 1])).toBeNull();
  });
});
