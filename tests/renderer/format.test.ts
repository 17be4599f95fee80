import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatFactor,
  formatRemaining,
  formatSpeed,
  formatValue,
  nearestSpeed,
  withUnit,
} from '../../renderer/src/format';

describe('formatting', () => {
  it('formats values with the tag decimals and a dash when missing', () => {
    expect(formatValue(3.14159, 2)).toBe('3.14');
    expect(formatValue(1499.6, 0)).toBe('1500');
    expect(formatValue(-0.01, 1)).toBe('0.0');
    expect(formatValue(Number.NaN, 1)).toBe('—');
    expect(formatValue(null, 1)).toBe('—');
  });

  it('formats simulated time in UTC', () => {
    const t = Date.UTC(2025, 0, 2, 3, 4, 5);
    expect(formatClock(t)).toBe('03:04:05');
    expect(formatDateTime(t)).toBe('2025-01-02 03:04:05');
    expect(formatClock(Number.NaN)).toBe('--:--:--');
  });

  it('formats requested and achieved speed', () => {
    expect(formatSpeed(1000, 998.4)).toBe('1000× (998×)');
    expect(formatSpeed(1, 0.97)).toBe('1× (1×)');
    expect(formatSpeed(10, 0, false)).toBe('10× (paused)');
    expect(formatFactor(2.55)).toBe('2.6×');
  });

  it('formats shelf time left', () => {
    expect(formatRemaining(15 * 60_000)).toBe('15:00');
    expect(formatRemaining(61_500)).toBe('1:02');
    expect(formatRemaining(3_600_000 + 5000)).toBe('1:00:05');
    expect(formatRemaining(-10)).toBe('0:00');
  });

  it('joins units', () => {
    expect(withUnit('12.0', '°C')).toBe('12.0 °C');
    expect(withUnit('80', '%')).toBe('80%');
    expect(withUnit('1', 'bool')).toBe('1');
  });

  it('maps any speed to an offered one', () => {
    expect(nearestSpeed(1)).toBe(1);
    expect(nearestSpeed(900)).toBe(1000);
    expect(nearestSpeed(20)).toBe(10);
    expect(nearestSpeed(0)).toBe(1);
  });
});
