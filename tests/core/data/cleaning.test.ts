import { describe, expect, it } from 'vitest';
import {
  checkRange,
  checkSample,
  cleanFrame,
  convertColumn,
  countQuality,
  detectStuck,
  fillGaps,
  hampelFilter,
  markNonFinite,
} from '../../../core/data/cleaning';
import { Quality } from '../../../core/data/quality';
import { frameOf, noise, tag } from './helpers';

const G = Quality.good;

function cols(values: number[], q?: number[]) {
  return { v: Float32Array.from(values), q: q ? Uint8Array.from(q) : new Uint8Array(values.length) };
}

describe('markNonFinite', () => {
  it('flags NaN and ±Infinity as missing and keeps the rest', () => {
    const { v, q } = cols([1, Number.NaN, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3]);
    expect(markNonFinite(v, q)).toBe(3);
    expect([...q]).toEqual([G, Quality.missing, G, Quality.missing, Quality.missing, G]);
    expect(Number.isNaN(v[3]!)).toBe(true);
    expect([v[0], v[2], v[5]]).toEqual([1, 2, 3]);
  });
});

describe('checkRange', () => {
  it('flags values outside the range as outOfRange, stored as NaN; bounds themselves are valid', () => {
    const { v, q } = cols([0, -0.1, 10, 10.5, 5]);
    expect(checkRange(v, q, [0, 10])).toBe(2);
    expect([...q]).toEqual([G, Quality.outOfRange, G, Quality.outOfRange, G]);
    expect(Number.isNaN(v[1]!) && Number.isNaN(v[3]!)).toBe(true);
    expect([v[0], v[2], v[4]]).toEqual([0, 10, 5]);
  });
  it('leaves samples with another reason alone', () => {
    const { v, q } = cols([Number.NaN, 20], [Quality.missing, Quality.stuck]);
    expect(checkRange(v, q, [0, 10])).toBe(0);
    expect([...q]).toEqual([Quality.missing, Quality.stuck]);
  });
});

describe('hampelFilter', () => {
  it('replaces an isolated spike by the window median and keeps the data around it', () => {
    const base = noise(60, 7).map((x, i) => 50 + Math.sin(i / 5) + 0.1 * x);
    const values = [...base];
    values[30] = 80;
    const { v, q } = cols(values);
    expect(hampelFilter(v, q, { halfWindow: 5, threshold: 3 })).toBe(1);
    expect(q[30]).toBe(Quality.spike);
    const window = base.slice(25, 36).map((x) => Math.fround(x));
    window[5] = 80;
    window.sort((a, b) => a - b);
    expect(v[30]).toBeCloseTo(window[5]!, 5);
    for (let i = 0; i < 60; i++) if (i !== 30) expect(v[i]).toBe(Math.fround(base[i]!));
    expect(countQuality(q).spike).toBe(1);
  });
  it('does not call a level step a spike, nor judge flat windows', () => {
    const step = cols([...Array(20).fill(1), ...Array(20).fill(5)]);
    expect(hampelFilter(step.v, step.q)).toBe(0);
    const flat = cols([2, 2, 2, 2, 9, 2, 2, 2, 2]);
    expect(hampelFilter(flat.v, flat.q, { halfWindow: 3 })).toBe(0);
    expect(hampelFilter(flat.v, flat.q, { halfWindow: 3, minScale: 0.5 })).toBe(1);
    expect(flat.v[4]).toBe(2);
  });
  it('honours the threshold', () => {
    const values = noise(41, 3).map((x) => 10 + x);
    values[20] = 14;
    const a = cols(values);
    const b = cols(values);
    expect(hampelFilter(a.v, a.q, { threshold: 2 })).toBeGreaterThanOrEqual(1);
    expect(hampelFilter(b.v, b.q, { threshold: 100 })).toBe(0);
  });
});

describe('detectStuck', () => {
  it('flags a long flat run in a varying tag, and nothing around it', () => {
    const values = noise(100, 11).map((x) => 20 + x);
    for (let i = 40; i < 55; i++) values[i] = 20.5;
    const { v, q } = cols(values);
    expect(detectStuck(v, q, { minRun: 10 })).toBe(15);
    for (let i = 0; i < 100; i++) expect(q[i]).toBe(i >= 40 && i < 55 ? Quality.stuck : G);
    expect(v[45]).toBe(20.5);
  });
  it('ignores runs shorter than minRun and uses eps', () => {
    const values = noise(60, 5).map((x) => 20 + x);
    for (let i = 10; i < 15; i++) values[i] = 21;
    for (let i = 30; i < 42; i++) values[i] = 22 + (i % 2) * 0.001;
    const a = cols(values);
    expect(detectStuck(a.v, a.q, { minRun: 10 })).toBe(0);
    const b = cols(values);
    expect(detectStuck(b.v, b.q, { minRun: 10, eps: 0.01 })).toBe(12);
  });
  it('never flags a tag that does not normally vary', () => {
    const a = cols(Array(50).fill(3));
    expect(detectStuck(a.v, a.q, { minRun: 5 })).toBe(0);
    const values = noise(50, 2);
    for (let i = 10; i < 30; i++) values[i] = 0;
    const b = cols(values);
    expect(detectStuck(b.v, b.q, { minRun: 5, normallyVaries: false })).toBe(0);
  });
});

describe('fillGaps', () => {
  it('interpolates gaps up to maxGap and leaves longer and edge gaps missing', () => {
    const M = Quality.missing;
    const N = Number.NaN;
    const { v, q } = cols([N, 0, N, N, 3, 4, N, N, N, N, 9, N], [M, G, M, M, G, G, M, M, M, M, G, M]);
    expect(fillGaps(v, q, { maxGap: 3 })).toBe(2);
    expect([v[2], v[3]]).toEqual([1, 2]);
    expect(q[2]).toBe(Quality.interpolated);
    expect(q[3]).toBe(Quality.interpolated);
    for (const i of [0, 6, 7, 8, 9, 11]) {
      expect(q[i]).toBe(M);
      expect(Number.isNaN(v[i]!)).toBe(true);
    }
    expect([v[1], v[4], v[5], v[10]]).toEqual([0, 3, 4, 9]);
  });
  it('interpolates linearly in time when t is given', () => {
    const { v, q } = cols([0, Number.NaN, 10], [G, Quality.missing, G]);
    fillGaps(v, q, { maxGap: 1, t: Float64Array.from([0, 1, 4]) });
    expect(v[1]).toBeCloseTo(2.5, 6);
  });
  it('fills outOfRange gaps unless told not to', () => {
    const a = cols([0, Number.NaN, 2], [G, Quality.outOfRange, G]);
    expect(fillGaps(a.v, a.q, { fillOutOfRange: false })).toBe(0);
    expect(fillGaps(a.v, a.q)).toBe(1);
    expect(a.v[1]).toBe(1);
  });
});

describe('convertColumn', () => {
  it('converts values between units of one quantity', () => {
    const v = Float32Array.from([0, 100, Number.NaN]);
    convertColumn(v, '°C', 'K', 'bearing_temp');
    expect(v[0]).toBeCloseTo(273.15, 3);
    expect(v[1]).toBeCloseTo(373.15, 3);
    expect(Number.isNaN(v[2]!)).toBe(true);
    const p = Float32Array.from([1, 2.5]);
    convertColumn(p, 'bar', 'kPa', 'p');
    expect([...p]).toEqual([100, 250]);
  });
  it('names the column and both units when the units do not match', () => {
    const v = Float32Array.from([1]);
    expect(() => convertColumn(v, 'bar', '°C', 'discharge_pressure')).toThrow(
      /column "discharge_pressure": cannot convert from "bar" to "°C"/,
    );
    expect(() => convertColumn(v, 'furlong', 'm', 'level')).toThrow(/column "level".*"furlong".*"m"/);
  });
});

describe('cleanFrame', () => {
  it('runs every step, counts each reason per tag and keeps good data', () => {
    const n = 80;
    const base = noise(n, 21).map((x, i) => 5 + Math.sin(i / 6) + 0.05 * x);
    const p = [...base];
    p[10] = Number.NaN; // missing, filled
    p[20] = 50; // out of range, filled
    p[40] = 9; // spike
    for (let i = 60; i < 72; i++) p[i] = 5.25; // stuck
    const temp = base.map((x) => x * 10); // in °C, converted to K
    temp[5] = Number.POSITIVE_INFINITY;
    for (let i = 30; i < 36; i++) temp[i] = Number.NaN; // gap longer than maxGap
    const frame = frameOf({ p, temp });
    const tags = [tag('p', [0, 20]), tag('temp', [200, 400], 'K')];
    const { frame: out, report } = cleanFrame(frame, tags, {
      sourceUnits: { temp: '°C' },
      stuck: { minRun: 10 },
      hampel: { halfWindow: 5, threshold: 4 },
      gaps: { maxGap: 3 },
    });
    expect(report.perTag.p).toEqual({ missing: 1, outOfRange: 1, stuck: 12, spike: 1, interpolated: 2 });
    expect(report.perTag.temp).toEqual({ missing: 7, outOfRange: 0, stuck: 0, spike: 0, interpolated: 1 });
    const pq = out.quality[0]!;
    expect(pq[10]).toBe(Quality.interpolated);
    expect(pq[20]).toBe(Quality.interpolated);
    expect(pq[40]).toBe(Quality.spike);
    expect(pq[65]).toBe(Quality.stuck);
    expect(countQuality(pq)).toEqual({ missing: 0, outOfRange: 0, stuck: 12, spike: 1, interpolated: 2 });
    for (const i of [0, 9, 11, 19, 21, 39, 41, 59, 72, 79]) {
      expect(pq[i]).toBe(Quality.good);
      expect(out.values[0]![i]).toBe(Math.fround(base[i]!));
    }
    const tq = out.quality[1]!;
    expect(tq[5]).toBe(Quality.interpolated);
    for (let i = 30; i < 36; i++) expect(tq[i]).toBe(Quality.missing);
    expect(out.values[1]![0]).toBeCloseTo(Math.fround(base[0]! * 10) + 273.15, 3);
    // the input frame is untouched
    expect(frame.quality[0]![40]).toBe(Quality.good);
    expect(frame.values[0]![40]).toBe(9);
  });
  it('skips stuck detection for tags whose normal band is one value, and steps set to false', () => {
    const frame = frameOf({ mode: Array(30).fill(1) });
    const { report } = cleanFrame(frame, [tag('mode', [0, 2], 'bool', [1, 1])], {
      stuck: { normallyVaries: true, minRun: 5 },
    });
    expect(report.perTag.mode!.stuck).toBe(0);
    const values = noise(30, 4);
    for (let i = 5; i < 20; i++) values[i] = 0;
    const r2 = cleanFrame(frameOf({ x: values }), [tag('x', [-2, 2])], { stuck: false });
    expect(r2.report.perTag.x!.stuck).toBe(0);
  });
  it('names a column with no tag definition and a bad source unit', () => {
    const frame = frameOf({ flow: [1, 2, 3] });
    expect(() => cleanFrame(frame, [])).toThrow(/column "flow" has no tag definition/);
    expect(() => cleanFrame(frame, [tag('flow', [0, 10], 'm3/h')], { sourceUnits: { flow: 'bar' } })).toThrow(
      /column "flow": cannot convert from "bar" to "m3\/h"/,
    );
  });
});

describe('checkSample', () => {
  it('flags non-finite and out-of-range values in one row', () => {
    const tags = [tag('a', [0, 10]), tag('b', [0, 10]), tag('c', [0, 10]), tag('d', [0, 10])];
    const values = Float32Array.from([5, Number.NaN, 11, 0]);
    const q = new Uint8Array(4).fill(99);
    expect(checkSample(values, tags, q)).toBe(2);
    expect([...q]).toEqual([G, Quality.missing, Quality.outOfRange, G]);
    expect(Number.isNaN(values[2]!)).toBe(true);
    expect(values[0]).toBe(5);
    expect(() => checkSample(values, tags.slice(1), q)).toThrow(/3 tags/);
  });
});
