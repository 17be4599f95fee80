import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMember, mergeMembers } from '../../../../core/ml/rul/ensemble';
import { coverageAt, fitIntervalScale } from '../../../../core/ml/rul/interval-calibration';
import { DEFAULT_TCN } from '../../../../core/ml/rul/model';
import { initTfNode } from '../../../../scripts/lib/tf-node';

beforeAll(async () => {
  await initTfNode('wasm');
});

describe('RUL interval calibration', () => {
  // Mean 50, interval ±10; truths spread ±20 evenly: 50 % inside as trained.
  const n = 100;
  const p = {
    mean: new Float32Array(n).fill(50),
    q10: new Float32Array(n).fill(40),
    q90: new Float32Array(n).fill(60),
  };
  const truth = Float32Array.from({ length: n }, (_, i) => 30 + (40 * i) / (n - 1));

  it('widens the interval to the smallest scale holding 80 % of the held-out truths', () => {
    expect(coverageAt(p, truth, 1)).toBeCloseTo(0.5, 1);
    const k = fitIntervalScale(p, truth);
    expect(coverageAt(p, truth, k)).toBeGreaterThanOrEqual(0.8);
    expect(coverageAt(p, truth, k - 0.05)).toBeLessThan(0.8);
    expect(k).toBeGreaterThan(1.5);
    expect(k).toBeLessThan(1.7);
  });

  it('is a frozen layer after the ensemble: the mean is unchanged, the quantiles move out by k', () => {
    const cfg = { ...DEFAULT_TCN, arch: 'trend-mlp' as const, windowLength: 12, features: 3, dropout: 0 };
    const members = [0, 1].map((i) => buildMember(cfg, 9, i, 2));
    const plain = mergeMembers(cfg, 9, members);
    const widened = mergeMembers(cfg, 9, members, 2);
    expect(widened.getLayer('interval_calibration').trainable).toBe(false);
    const x = tf.tensor3d(
      Float32Array.from({ length: 4 * 12 * 3 }, (_, i) => (i % 3 === 2 ? 1 : Math.cos(i))),
      [4, 12, 3],
    );
    const a = (plain.predict(x) as tf.Tensor).arraySync() as number[][];
    const b = (widened.predict(x) as tf.Tensor).arraySync() as number[][];
    a.forEach(([q10, mean, q90], i) => {
      expect(b[i]![1]).toBeCloseTo(mean!, 5);
      expect(b[i]![0]).toBeCloseTo(mean! - 2 * (mean! - q10!), 5);
      expect(b[i]![2]).toBeCloseTo(mean! + 2 * (q90! - mean!), 5);
    });
    tf.dispose(x);
  });
});
