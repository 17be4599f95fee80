import { describe, expect, it } from 'vitest';
import { readSourceNumber, TagTransform } from '../../../core/live/source-value';
import { tagBindingSchema } from '../../../core/asset/sources-schema';
import type { TagDefinition } from '../../../core/asset/schema';

const tag: TagDefinition = {
  id: 'loop_pressure',
  instrument: 'PT101',
  name: 'Loop pressure',
  unit: 'bar',
  range: [0, 10],
  normal: [0, 1],
  decimals: 2,
};

describe('readSourceNumber', () => {
  it('takes numbers and booleans, and names what else came', () => {
    expect(readSourceNumber(1.5)).toEqual({ ok: true, value: 1.5 });
    expect(readSourceNumber(true)).toEqual({ ok: true, value: 1 });
    expect(readSourceNumber('abc')).toMatchObject({ ok: false, problem: 'is not a number ("abc")' });
    expect(readSourceNumber('12.5')).toMatchObject({
      ok: false,
      problem: 'is a string ("12.5"), not a number',
    });
    expect(readSourceNumber(Number.NaN)).toMatchObject({ ok: false, problem: 'is not finite (NaN)' });
    expect(readSourceNumber(Number.POSITIVE_INFINITY)).toMatchObject({
      ok: false,
      problem: 'is not finite (Infinity)',
    });
    expect(readSourceNumber(undefined)).toMatchObject({ ok: false, problem: 'has no value' });
    expect(readSourceNumber({ v: 1 })).toMatchObject({ ok: false, problem: 'is an object, not a number' });
  });
});

describe('TagTransform', () => {
  it('converts the source unit to the tag unit, then applies scale and offset', () => {
    const binding = tagBindingSchema.parse({
      tag: 'loop_pressure',
      connection: 'plc',
      nodeId: 'ns=1;s=PT101',
      unit: 'kPa',
      scale: 2,
      offset: 0.5,
    });
    expect(new TagTransform(binding, tag).toTagUnit(100)).toBeCloseTo(2.5);
  });

  it('lets through only changes beyond the deadband', () => {
    const binding = tagBindingSchema.parse({
      tag: 'loop_pressure',
      connection: 'plc',
      nodeId: 'x',
      deadband: 0.1,
    });
    const t = new TagTransform(binding, tag);
    expect([1, 1.05, 1.2, 1.25, 1.05].map((v) => t.accept(v))).toEqual([true, false, true, false, true]);
  });
});
