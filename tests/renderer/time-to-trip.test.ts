import { describe, expect, it } from 'vitest';
import { timeToTrip } from '../../renderer/src/features/live/predictions/time-to-trip';

describe('live RUL (time to the first trip)', () => {
  it('says no trip is expected when the interval reaches the 72 h cap', () => {
    expect(timeToTrip(71.2, 1.5)).toEqual({ kind: 'no-trip-within-cap', capHours: 72 });
  });
  it('says a trip hours away lies beyond the forecaster horizon', () => {
    expect(timeToTrip(6.2, 1.4)).toEqual({ kind: 'hours', hours: 6.2, std: 1.4, beyondForecastMinutes: 60 });
  });
  it('shows a near trip as hours ± σ', () => {
    expect(timeToTrip(0.6, 0.5)).toEqual({
      kind: 'hours',
      hours: 0.6,
      std: 0.5,
      beyondForecastMinutes: null,
    });
  });
  it('names the case with no degrading fault', () => {
    expect(timeToTrip(Number.NaN, Number.NaN)).toEqual({ kind: 'no-degrading-fault' });
  });
});
