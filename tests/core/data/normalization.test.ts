import { describe, expect, it } from 'vitest';
import { sliceFrame } from '../../../core/data/frame';
import {
  applyNormalization,
  fitNormalization,
  invertNormalization,
  invertNormalizationBuffer,
  normalizationStatsSchema,
  parseNormalizationStats,
} from '../../../core/data/normalization';
import { Quality } from '../../../core/data/quality';
import { frameOf } from './helpers';

describe('normalization', () => {
  it('fits on the training frames only, ignoring samples that are not good', () => {
    const frame = frameOf({ a: [1, 2, 3, 4, 1000, 1000], b: [10, 10, 10, 10, -5, -5] });
    frame.values[0]![2] = 999; // flagged below: must not count
    frame.quality[0]![2] = Quality.spike;
    frame.values[0]![3] = Number.NaN;
    frame.quality[0]![3] = Quality.missing;
    const train = sliceFrame(frame, 0, 4);
    const test = sliceFrame(frame, 4);
    const stats = fitNormalization([train]);
    expect(stats.tagIds).toEqual(['a', 'b']);
    expect(stats.mean[0]).toBeCloseTo(1.5, 12);
    expect(stats.std[0]).toBeCloseTo(0.5, 12);
    expect(stats.count).toEqual([2, 4]);
    expect(stats.mean[1]).toBe(10);
    expect(stats.std[1]).toBe(1e-6); // floored
    expect(fitNormalization([train], { minStd: 0.1 }).std[1]).toBe(0.1);
    const z = applyNormalization(test, stats);
    expect(z.values[0]![0]).toBeCloseTo((1000 - 1.5) / 0.5, 3);
    expect(test.values[0]![0]).toBe(1000); // not in place by default
  });

  it('pools several frames and interpolated samples do not count', () => {
    const a = frameOf({ x: [0, 2] });
    const b = frameOf({ x: [4, 6, 100] });
    b.quality[0]![2] = Quality.interpolated;
    const s = fitNormalization([a, b]);
    expect(s.mean[0]).toBeCloseTo(3, 12);
    expect(s.std[0]).toBeCloseTo(Math.sqrt(5), 12);
    expect(() => fitNormalization([a, frameOf({ y: [1] })])).toThrow(/frame 1 has tags \[y\]/);
    const dead = frameOf({ x: [1, 2] });
    dead.quality[0]!.fill(Quality.missing);
    expect(() => fitNormalization([dead])).toThrow(/tag "x" has no good sample/);
  });

  it('apply and invert round-trip, matching columns by id', () => {
    const train = frameOf({ a: [1, 3], b: [10, 30] });
    const stats = fitNormalization([train]);
    const other = frameOf({ b: [20, 40], a: [2, Number.NaN] });
    const z = applyNormalization(other, stats);
    expect([...z.values[0]!]).toEqual([0, 2]);
    expect(z.values[1]![0]).toBe(0); // a: mean 2, std 1
    expect(Number.isNaN(z.values[1]![1]!)).toBe(true);
    const back = invertNormalization(z, stats);
    expect([...back.values[0]!]).toEqual([20, 40]);
    expect(() => applyNormalization(frameOf({ c: [1] }), stats)).toThrow(/no entry for tag "c"/);
    const buf = Float32Array.from([0, 1, 1, -1]);
    invertNormalizationBuffer(buf, stats, ['b', 'a']);
    expect([...buf]).toEqual([20, 3, 30, 1]);
  });

  it('saved stats validate with a schema version', () => {
    const stats = fitNormalization([frameOf({ a: [1, 3] })]);
    const json = JSON.parse(JSON.stringify(stats));
    expect(parseNormalizationStats(json)).toEqual(stats);
    expect(json.schemaVersion).toBe(1);
    expect(normalizationStatsSchema.safeParse({ ...json, schemaVersion: 2 }).success).toBe(false);
    expect(() => parseNormalizationStats({ ...json, std: [0] })).toThrow(/std/);
    expect(() => parseNormalizationStats({ ...json, mean: [1, 2] })).toThrow(
      /mean: has 2 entries, expected 1/,
    );
  });
});
