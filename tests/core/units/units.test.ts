import { describe, expect, it } from 'vitest';
import { convert, toSI } from '../../../core/units/units';

describe('units', () => {
  it('converts engineering units the plant uses', () => {
    expect(convert(300, 'm3/h', 'L/min')).toBeCloseTo(5000, 6);
    expect(convert(1, 'bar', 'psi')).toBeCloseTo(14.5038, 3);
    expect(convert(100, '°C', '°F')).toBeCloseTo(212, 6);
    expect(convert(1484, 'rpm', 'Hz')).toBeCloseTo(24.733, 3);
    expect(toSI(25, '°C')).toBeCloseTo(298.15, 6);
  });

  it('refuses to convert between quantities, naming both units', () => {
    expect(() => convert(1, 'bar', '°C')).toThrow(/cannot convert pressure "bar" to temperature "°C"/);
    expect(() => convert(1, 'parsecs', 'm')).toThrow(/unknown unit "parsecs"/);
  });
});
