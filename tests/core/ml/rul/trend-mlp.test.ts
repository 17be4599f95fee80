/**
 * The trend MLP's masked summaries (last, mean and least-squares change over a window's real rows, padding
 * ignored), its windows with the padding marked, and a merged ensemble that survives a save/load round trip.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CmapssUnit } from '../../../../core/data/cmapss';
import { modelFromFiles, modelToFiles } from '../../../../core/ml/io/model-io';
import { MaskedTrend } from '../../../../core/ml/layers/masked-trend';
import { buildMember, mergeMembers } from '../../../../core/ml/rul/ensemble';
import {
  featureCount,
  featureNames,
  fitFeatureSpec,
  lastWindows,
  maskChannelOf,
} from '../../../../core/ml/rul/features';
import { DEFAULT_TCN, rulLoss } from '../../../../core/ml/rul/model';
import { initTfNode } from '../../../../scripts/lib/tf-node';

beforeAll(async () => {
  await initTfNode('wasm');
});

function unit(id: number, rows: number): CmapssUnit {
  return {
    unit: id,
    cycles: Int32Array.from({ length: rows }, (_, r) => r + 1),
    settings: [new Float32Array(rows), new Float32Array(rows), new Float32Array(rows).fill(100)],
    sensors: Array.from({ length: 21 }, (_, k) => Float32Array.from({ length: rows }, (_, r) => k + r * r)),
  };
}

describe('MaskedTrend', () => {
  it('summarises only the real rows: last value, their mean and their least-squares change × W', () => {
    // W = 5, one channel + mask; two padded rows (value 9, ignored), real rows 1, 3, 2 at t = 2, 3, 4.
    const x = tf.tensor3d([9, 0, 9, 0, 1, 1, 3, 1, 2, 1], [1, 5, 2]);
    const out = Array.from((new MaskedTrend().apply(x) as tf.Tensor).dataSync());
    // Slope of (2,1), (3,3), (4,2): cov = (−1)(−1) + 0 + (1)(0) = 1, var = 2 → 0.5; × W = 2.5.
    expect(out[0]).toBeCloseTo(2, 6);
    expect(out[1]).toBeCloseTo(2, 6);
    expect(out[2]).toBeCloseTo(2.5, 6);
    tf.dispose(x);
  });

  it('gives a single real row a change of 0, not NaN', () => {
    const x = tf.tensor3d([5, 0, 5, 0, 7, 1], [1, 3, 2]);
    expect(Array.from((new MaskedTrend().apply(x) as tf.Tensor).dataSync())).toEqual([7, 7, 0]);
    tf.dispose(x);
  });
});

describe('windows with the padding marked', () => {
  it('adds age and validity channels, 0 in the left padding of a short history', () => {
    const spec = fitFeatureSpec([unit(1, 40)], { windowLength: 6, ageScale: 200, validMask: true });
    const F = featureCount(spec);
    expect(F).toBe(16);
    expect(maskChannelOf(spec)).toBe(15);
    expect(featureNames(spec).slice(-2)).toEqual(['age (cycles / 200)', 'real row (1) or padding (0)']);
    const x = lastWindows([unit(2, 4)], spec);
    expect(Array.from({ length: 6 }, (_, t) => x[t * F + 15])).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from({ length: 6 }, (_, t) => x[t * F + 14])).toEqual(
      [1, 1, 1, 2, 3, 4].map((c) => Math.fround(c / 200)),
    );
  });
});

describe('trend MLP', () => {
  const cfg = { ...DEFAULT_TCN, arch: 'trend-mlp' as const, windowLength: 20, features: 4, dropout: 0 };

  it('trains: the loss of a tiny model falls over a few steps', () => {
    const model = buildMember(cfg, 3, 0, 1);
    const N = 64;
    const data = new Float32Array(N * 20 * 4);
    const y = new Float32Array(N);
    for (let n = 0; n < N; n++) {
      const slope = (n % 8) / 8;
      for (let t = 0; t < 20; t++) {
        data[(n * 20 + t) * 4] = slope * t;
        data[(n * 20 + t) * 4 + 3] = 1;
      }
      y[n] = 1 - slope;
    }
    const xt = tf.tensor3d(data, [N, 20, 4]);
    const yt = tf.tensor2d(y, [N, 1]);
    const opt = tf.train.adam(0.01);
    const losses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const l = opt.minimize(() => rulLoss(yt, model.apply(xt, { training: true }) as tf.Tensor), true)!;
      losses.push(l.dataSync()[0]!);
      l.dispose();
    }
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
    tf.dispose([xt, yt]);
    opt.dispose();
  });

  it('merges members into one model that round-trips through model.json + weights.bin', async () => {
    const members = [0, 1, 2].map((i) => buildMember(cfg, 7, i, 3));
    const merged = mergeMembers(cfg, 7, members);
    const x = tf.tensor3d(
      Float32Array.from({ length: 2 * 20 * 4 }, (_, i) => (i % 4 === 3 ? 1 : Math.sin(i))),
      [2, 20, 4],
    );
    const want = Array.from((merged.predict(x) as tf.Tensor).dataSync());
    const mean = members
      .map((m) => Array.from((m.predict(x) as tf.Tensor).dataSync()))
      .reduce((a, b) => a.map((v, i) => v + b[i]! / 3), new Array<number>(6).fill(0));
    want.forEach((v, i) => expect(v).toBeCloseTo(mean[i]!, 5));
    const loaded = await modelFromFiles(await modelToFiles(merged));
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(want);
    tf.dispose(x);
  });
});
