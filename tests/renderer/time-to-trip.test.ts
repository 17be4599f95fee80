import { describe, expect, it } from 'vitest';
import { timeToTripText } from '../../renderer/src/features/live/predictions/time-to-trip';

describe('live RUL text (time to the first trip)', () => {
  it('says no trip is expected when the interval reaches the 72 h cap', () => {
    expect(timeToTripText(71.2, 1.5)).toBe('no trip expected within 72 h');
  });
  it('says a trip hours away lies beyond the forecaster horizon', () => {
    expect(timeToTripText(6.2, 1.4)).toBe('6.2 ± 1.4 h, beyond the +60 min forecast');
  });
  it('shows a near trip as hours ± σ', () => {
    expect(timeToTripText(0.6, 0.5)).toBe('0.6 ± 0.5 h');
  });
  it('names the case with no degrading fault', () => {
    expect(timeToTripText(Number.NaN, Number.NaN)).toBe('no degrading fault predicted');
  });
});
