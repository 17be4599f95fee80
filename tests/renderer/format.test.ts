import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatFactor,
  formatRemaining,
  formatSpeed,
  formatValue,
  nearestSpeed,
  parseDateTime,
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

  it('writes and reads date fields on the 24-hour clock plants use (issue #17, problem 10)', () => {
    const afternoon = Date.UTC(2026, 0, 1, 17, 5, 9);
    expect(formatDateTime(afternoon)).toBe('2026-01-01 17:05:09');
    expect(formatDateTime(Date.UTC(2026, 0, 1, 0, 30))).toBe('2026-01-01 00:30:00');
    expect(parseDateTime(formatDateTime(afternoon))).toBe(afternoon);
    expect(parseDateTime('2026-01-01T17:05:09Z')).toBe(afternoon);
    expect(parseDateTime('2026-01-01 17:05')).toBe(afternoon - 9000);
    expect(parseDateTime('2026-01-01 18:05:09+01:00')).toBe(afternoon);
    expect(parseDateTime('2026-01-01 17:05:09 UTC')).toBe(afternoon);
    for (const refused of [
      '2026-01-01 5:05 PM',
      '01/01/2026, 05:05:09 PM',
      '2026-01-01 24:00',
      '2026-02-30 10:00',
      'x',
    ])
      expect(parseDateTime(refused), refused).toBeNull();
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
