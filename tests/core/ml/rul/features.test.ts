import { describe, expect, it } from 'vitest';
import type { CmapssUnit } from '../../../../core/data/cmapss';
import {
  featureCount,
  featureNames,
  fitFeatureSpec,
  lastWindows,
  trainingWindows,
  unitFeatures,
} from '../../../../core/ml/rul/features';
import { splitUnits } from '../../../../core/ml/rul/split-units';

/** A unit whose sensor k at row r is base + k + r (so rows are easy to recognise). */
function unit(id: number, rows: number, base = 0, regimeAlt = 0): CmapssUnit {
  return {
    unit: id,
    cycles: Int32Array.from({ length: rows }, (_, r) => r + 1),
    settings: [
      Float32Array.from({ length: rows }, (_, r) => (regimeAlt && r % 2 ? regimeAlt : 0)),
      new Float32Array(rows),
      new Float32Array(rows).fill(100),
    ],
    sensors: Array.from({ length: 21 }, (_, k) =>
      Float32Array.from({ length: rows }, (_, r) => base + k + r),
    ),
  };
}

describe('turbofan feature pipeline', () => {
  it('fits per-regime normalization on the training units only', () => {
    const train = [unit(1, 11, 0)];
    const spec = fitFeatureSpec(train, { windowLength: 4 });
    expect(spec.normalization.regimes).toEqual(['0|0|100']);
    expect(spec.regimeOneHot).toBe(false);
    // Row r of sensor 2 (k = 1) is 1 + r, r = 0..10: mean 6, population std sqrt(10).
    expect(spec.normalization.mean[0]![0]).toBeCloseTo(6, 5);
    expect(spec.normalization.std[0]![0]).toBeCloseTo(Math.sqrt(10), 5);
    // A different (test) unit is z-scored with the training statistics.
    const f = unitFeatures(unit(2, 3, 100), spec);
    expect(f.data[0]).toBeCloseTo((101 - 6) / Math.sqrt(10), 4);
  });

  it('adds regime one-hot channels when there are several regimes', () => {
    const spec = fitFeatureSpec([unit(1, 10, 0, 42)], { windowLength: 4 });
    expect(spec.normalization.regimes).toHaveLength(2);
    expect(spec.regimeOneHot).toBe(true);
    expect(featureCount(spec)).toBe(16);
    expect(featureNames(spec).slice(-2)).toEqual(['regime 0|0|100', 'regime 42|0|100']);
    const f = unitFeatures(unit(2, 2, 0, 42), spec);
    expect(Array.from(f.data.subarray(14, 16))).toEqual([1, 0]);
    expect(Array.from(f.data.subarray(16 + 14, 16 + 16))).toEqual([0, 1]);
  });

  it('left-pads short histories by repeating the first row', () => {
    const spec = fitFeatureSpec([unit(1, 20)], { windowLength: 6 });
    const F = featureCount(spec);
    const short = unit(3, 4);
    const x = lastWindows([short], spec);
    const feats = unitFeatures(short, spec);
    const row = (i: number) => Array.from(x.subarray(i * F, (i + 1) * F));
    const src = (r: number) => Array.from(feats.data.subarray(r * F, (r + 1) * F));
    expect(row(0)).toEqual(src(0));
    expect(row(1)).toEqual(src(0));
    expect(row(2)).toEqual(src(0));
    expect(row(3)).toEqual(src(1));
    expect(row(5)).toEqual(src(3));
  });

  it('labels training windows with the capped piecewise-linear RUL', () => {
    const spec = fitFeatureSpec([unit(1, 200)], { windowLength: 30, rulCap: 125 });
    const w = trainingWindows([unit(1, 200)], spec, 10);
    expect(w.count).toBe(191);
    expect(w.y[0]).toBe(125); // row 9, RUL 190
    expect(w.y[w.count - 1]).toBe(0);
    expect(w.y[w.count - 2]).toBe(1);
    expect(w.x.length).toBe(w.count * 30 * 14);
  });

  it('smooths the z-scored sensors causally, leaving regime channels alone', () => {
    const plain = fitFeatureSpec([unit(1, 12, 0, 42)], { windowLength: 4 });
    const smooth = fitFeatureSpec([unit(1, 12, 0, 42)], { windowLength: 4, smoothing: 0.25 });
    expect(smooth.smoothing).toBe(0.25);
    const F = featureCount(plain);
    const a = unitFeatures(unit(2, 6, 3, 42), plain).data;
    const b = unitFeatures(unit(2, 6, 3, 42), smooth).data;
    // s[0] = z[0]; s[t] = 0.25·z[t] + 0.75·s[t − 1], sensor by sensor.
    let s = a[0]!;
    for (let r = 0; r < 6; r++) {
      if (r > 0) s = 0.25 * a[r * F]! + 0.75 * s;
      expect(b[r * F]).toBeCloseTo(s, 5);
    }
    expect(Array.from(b.subarray(F - 2, F))).toEqual(Array.from(a.subarray(F - 2, F)));
    // Causal: the features of the first 3 cycles do not change when later cycles are cut off.
    const cut = unit(2, 3, 3, 42);
    expect(Array.from(unitFeatures(cut, smooth).data)).toEqual(Array.from(b.subarray(0, 3 * F)));
  });

  it('rejects a smoothing factor outside (0, 1]', () => {
    expect(() => fitFeatureSpec([unit(1, 12)], { windowLength: 4, smoothing: 0 })).toThrow(
      /smoothing factor/,
    );
    expect(() => fitFeatureSpec([unit(1, 12)], { windowLength: 4, smoothing: 1.5 })).toThrow(
      /smoothing factor/,
    );
    expect(fitFeatureSpec([unit(1, 12)], { windowLength: 4, smoothing: 1 }).smoothing).toBeUndefined();
  });

  it('splits units by unit, deterministically', () => {
    const ids = Array.from({ length: 100 }, (_, i) => i + 1);
    const a = splitUnits(ids, 0.2, 42);
    const b = splitUnits(ids, 0.2, 42);
    expect(a).toEqual(b);
    expect(a.val).toHaveLength(20);
    expect(new Set([...a.train, ...a.val]).size).toBe(100);
    expect(a.train.some((u) => a.val.includes(u))).toBe(false);
  });
});
