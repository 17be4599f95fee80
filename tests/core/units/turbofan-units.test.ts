import { describe, expect, it } from 'vitest';
import { convert, toSI } from '../../../core/units/units';

describe('units of the C-MAPSS turbofan data', () => {
  it('converts Rankine, psia and thousands of feet to SI', () => {
    // Sea-level standard day: 518.67 °R = 288.15 K = 15 °C, 14.696 psia = 101.325 kPa.
    expect(toSI(518.67, '°R')).toBeCloseTo(288.15, 2);
    expect(convert(518.67, '°R', '°C')).toBeCloseTo(15, 2);
    expect(convert(491.67, '°R', '°F')).toBeCloseTo(32, 6);
    expect(convert(14.696, 'psia', 'kPa')).toBeCloseTo(101.325, 2);
    expect(convert(1, 'psia', 'psi')).toBe(1);
    expect(convert(42, 'kft', 'm')).toBeCloseTo(12801.6, 6);
  });

  it('converts bleed flow (lbm/s), fuel flow per pressure and throttle angle', () => {
    expect(convert(10, 'pps', 'kg/s')).toBeCloseTo(4.5359237, 9);
    // 1 pps/psi: 0.45359237 kg/s per 6894.757 Pa.
    expect(toSI(1, 'pps/psi')).toBeCloseTo(6.5788e-5, 8);
    expect(convert(180, '°', 'rad')).toBeCloseTo(Math.PI, 12);
  });

  it('refuses to mix mass flow with volume flow', () => {
    expect(() => convert(1, 'pps', 'm3/s')).toThrow(/cannot convert mass flow "pps" to flow "m3\/s"/);
  });
});
