import { describe, expect, it } from 'vitest';
import { percentile, proposeBand, shareInside, signalStats } from '../../../core/data/skab/bands';
import { SKAB_SIGNALS, type SkabSignal } from '../../../core/data/skab/signals';
import { parseSkabCsv } from '../../../core/data/skab/table';

const signal = (over: Partial<SkabSignal> = {}): SkabSignal => ({
  column: 'Current',
  tagId: 'motor_current',
  unit: 'A',
  decimals: 1,
  alarmSides: 'both',
  ...over,
});

/** 0, 1, …, 200 as a column: percentiles and extremes are easy to state by hand. */
const ramp = Float64Array.from({ length: 201 }, (_, i) => i);

describe('SKAB CSV table', () => {
  it('reads every column but datetime as numbers, blanks as NaN', () => {
    const t = parseSkabCsv(
      'datetime;Current;Pressure;anomaly\n2020-02-08 13:30:47;2.5;0.1;0\n2020-02-08 13:30:48;;-0.3;1\n',
    );
    expect(t.rows).toBe(2);
    expect([...t.columns.keys()]).toEqual(['Current', 'Pressure', 'anomaly']);
    expect([...t.columns.get('Current')!]).toEqual([2.5, Number.NaN]);
    expect([...t.columns.get('anomaly')!]).toEqual([0, 1]);
  });

  it('names the line whose cell count does not match the header', () => {
    expect(() => parseSkabCsv('datetime;Current\n2020;1;2\n')).toThrow(/line 2 has 3 cells/);
  });
});

describe('SKAB bands', () => {
  it('interpolates percentiles between order statistics', () => {
    expect(percentile(ramp, 0.005)).toBeCloseTo(1, 9);
    expect(percentile(ramp, 0.995)).toBeCloseTo(199, 9);
    expect(percentile(Float64Array.of(1, 3), 0.5)).toBe(2);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('summarises the finite samples only', () => {
    const s = signalStats(Float64Array.of(4, Number.NaN, 2, Number.POSITIVE_INFINITY, 0));
    expect(s).toMatchObject({ count: 3, min: 0, max: 4, mean: 2 });
  });

  it('widens the percentile span by 5 % and puts alarms 10 % of it beyond the extremes', () => {
    // Outliers -30 and 240 in place of 0 and 200 leave p0.5 = 1 and p99.5 = 199: span 198, widened by
    // 9.9 each side; the alarms lie 19.8 beyond the outliers.
    const spiky = ramp.slice();
    spiky[0] = -30;
    spiky[200] = 240;
    const band = proposeBand(signalStats(spiky), signal());
    expect(band.normal).toEqual([-8.9, 208.9]);
    expect(band.alarm).toEqual({ low: -49.8, high: 259.8 });
  });

  it('puts an alarm beyond the band edge where the band reaches past every sample', () => {
    // The ramp's min 0 and max 200 lie inside the widened band [-8.9, 208.9].
    expect(proposeBand(signalStats(ramp), signal()).alarm).toEqual({ low: -28.7, high: 228.7 });
  });

  it('rounds outward, so rounding never narrows a band', () => {
    const band = proposeBand(signalStats(Float64Array.of(1.04, 1.05, 1.06)), signal({ decimals: 1 }));
    expect(band.normal[0]).toBeLessThanOrEqual(1.04);
    expect(band.normal[1]).toBeGreaterThanOrEqual(1.06);
  });

  it('sets an alarm only on the sides where a departure is a fault', () => {
    expect(proposeBand(signalStats(ramp), signal({ alarmSides: 'high' })).alarm.low).toBeUndefined();
    expect(proposeBand(signalStats(ramp), signal({ alarmSides: 'low' })).alarm.high).toBeUndefined();
  });

  it('gives a constant signal a band one display step wide and refuses an empty one', () => {
    const band = proposeBand(signalStats(Float64Array.of(5, 5, 5)), signal({ decimals: 1 }));
    expect(band.normal[0]).toBeLessThan(5);
    expect(band.normal[1]).toBeGreaterThan(5);
    expect(() => proposeBand(signalStats(Float64Array.of(Number.NaN)), signal())).toThrow(/no finite/);
  });

  it('counts the share of samples inside a band', () => {
    expect(shareInside(ramp, [0, 99])).toBeCloseTo(100 / 201, 9);
    expect(shareInside(Float64Array.of(Number.NaN), [0, 1])).toBeNaN();
  });

  it('covers the eight testbed columns, each tag once', () => {
    expect(SKAB_SIGNALS.map((s) => s.column)).toEqual([
      'Accelerometer1RMS',
      'Accelerometer2RMS',
      'Current',
      'Pressure',
      'Temperature',
      'Thermocouple',
      'Voltage',
      'Volume Flow RateRMS',
    ]);
    expect(new Set(SKAB_SIGNALS.map((s) => s.tagId)).size).toBe(8);
  });
});
