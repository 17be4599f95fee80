import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CausalConv1D, causalConv1d } from '../../../../core/ml/layers/causal-conv1d';
import { buildTcn, DEFAULT_TCN, rulLoss } from '../../../../core/ml/rul/model';
import { mulberry32 } from '../../../../core/random/rng';
import { modelFromFiles, modelToFiles } from '../../../../core/ml/io/model-io';
import { initTfNode } from '../../../../scripts/lib/tf-node';

beforeAll(async () => {
  await initTfNode('wasm');
});

function randomArray(n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

/** y[b,t,f] = bias[f] + Σ_j Σ_c W[j·C + c, f] · x[b, t − (k−1−j)·d, c], zero before the start. */
function naive(
  x: Float32Array,
  [B, T, C]: [number, number, number],
  w: Float32Array,
  bias: Float32Array,
  F: number,
  k: number,
  d: number,
): Float32Array {
  const y = new Float32Array(B * T * F);
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++)
      for (let f = 0; f < F; f++) {
        let s = bias[f]!;
        for (let j = 0; j < k; j++) {
          const ti = t - (k - 1 - j) * d;
          if (ti < 0) continue;
          for (let c = 0; c < C; c++) s += w[(j * C + c) * F + f]! * x[(b * T + ti) * C + c]!;
        }
        y[(b * T + t) * F + f] = s;
      }
  return y;
}

describe('CausalConv1D', () => {
  it.each([
    [3, 1],
    [3, 2],
    [2, 4],
    [3, 8],
    [1, 1],
  ])('matches a naive loop (kernel %i, dilation %i)', (k, d) => {
    const [B, T, C, F] = [2, 20, 3, 4];
    const x = randomArray(B * T * C, 1);
    const w = randomArray(k * C * F, 2);
    const bias = randomArray(F, 3);
    const got = tf.tidy(() =>
      causalConv1d(tf.tensor3d(x, [B, T, C]), tf.tensor2d(w, [k * C, F]), tf.tensor1d(bias), k, d).dataSync(),
    );
    const want = naive(x, [B, T, C], w, bias, F, k, d);
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expect(got[i]).toBeCloseTo(want[i]!, 4);
  });

  it('is causal: changing the input at t leaves every output before t unchanged', () => {
    const layer = new CausalConv1D({ filters: 5, kernelSize: 3, dilation: 4, activation: 'relu', seed: 7 });
    const [T, C] = [24, 3];
    const x = randomArray(T * C, 9);
    const y1 = tf.tidy(
      () => (layer.apply(tf.tensor3d(x, [1, T, C])) as tf.Tensor).arraySync() as number[][][],
    );
    const t0 = 13;
    const x2 = x.slice();
    for (let t = t0; t < T; t++) for (let c = 0; c < C; c++) x2[t * C + c]! += 5;
    const y2 = tf.tidy(
      () => (layer.apply(tf.tensor3d(x2, [1, T, C])) as tf.Tensor).arraySync() as number[][][],
    );
    for (let t = 0; t < t0; t++) expect(y2[0]![t]).toEqual(y1[0]![t]);
    expect(y2[0]![t0]).not.toEqual(y1[0]![t0]);
    layer.dispose();
  });

  it('serialises and deserialises its config', () => {
    const layer = new CausalConv1D({ filters: 6, kernelSize: 2, dilation: 3, activation: 'elu', seed: 1 });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      filters: 6,
      kernelSize: 2,
      dilation: 3,
      activation: 'elu',
      useBias: true,
    });
    const copy = tf.serialization.SerializationMap.getMap().classNameMap['CausalConv1D'];
    expect(copy).toBeDefined();
    const restored = CausalConv1D.fromConfig(CausalConv1D, config) as CausalConv1D;
    expect(restored.getConfig()).toEqual(config);
  });

  it('rejects bad arguments', () => {
    expect(() => new CausalConv1D({ filters: 0, kernelSize: 3 })).toThrow(/filters/);
    expect(() => new CausalConv1D({ filters: 2, kernelSize: 3, dilation: 0 })).toThrow(/dilation/);
  });

  it('trains: a tiny TCN loss drops over a few steps', () => {
    const model = buildTcn({
      ...DEFAULT_TCN,
      filters: 8,
      dilations: [1, 2],
      windowLength: 12,
      features: 3,
      seed: 3,
    });
    const N = 64;
    const x = randomArray(N * 12 * 3, 11);
    // Target depends on the last steps of channel 0: learnable.
    const y = Float32Array.from({ length: N }, (_, n) => 0.5 + 0.3 * x[(n * 12 + 11) * 3]!);
    const xt = tf.tensor3d(x, [N, 12, 3]);
    const yt = tf.tensor2d(y, [N, 1]);
    const opt = tf.train.adam(0.01);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const losses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const l = opt.minimize(
        () => rulLoss(yt, model.apply(xt, { training: true }) as tf.Tensor),
        true,
        vars,
      )!;
      losses.push(l.dataSync()[0]!);
      l.dispose();
    }
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! * 0.5);
    tf.dispose([xt, yt]);
    opt.dispose();
    model.dispose();
  });

  it('does not leak tensors on predict', () => {
    const model = buildTcn({ ...DEFAULT_TCN, filters: 8, windowLength: 30, features: 14, seed: 4 });
    const x = tf.tensor3d(randomArray(5 * 30 * 14, 5), [5, 30, 14]);
    (model.predict(x) as tf.Tensor).dispose(); // warm-up
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) (model.predict(x) as tf.Tensor).dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  it('round-trips through model.json + weights.bin with identical predictions', async () => {
    const model = buildTcn({
      ...DEFAULT_TCN,
      filters: 8,
      convsPerBlock: 2,
      windowLength: 30,
      features: 14,
      seed: 5,
    });
    const x = tf.tensor3d(randomArray(4 * 30 * 14, 6), [4, 30, 14]);
    const want = (model.predict(x) as tf.Tensor).dataSync();
    const files = await modelToFiles(model);
    expect(JSON.parse(files.modelJson).weightsManifest[0].paths).toEqual(['./weights.bin']);
    const loaded = await modelFromFiles(files);
    const got = (loaded.predict(x) as tf.Tensor).dataSync();
    expect(Array.from(got)).toEqual(Array.from(want));
    tf.dispose(x);
    model.dispose();
    loaded.dispose();
  });
});

describe('CausalConv1D in a Sequential model', () => {
  it('survives a save/load round trip as the first layer', async () => {
    await initTfNode('wasm');
    const m = tf.sequential({
      layers: [
        new CausalConv1D({
          filters: 4,
          kernelSize: 3,
          dilation: 2,
          activation: 'tanh',
          inputShape: [10, 2],
          seed: 1,
        }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 1 }),
      ],
    });
    const x = tf.tensor3d(randomArray(3 * 10 * 2, 12), [3, 10, 2]);
    const want = Array.from((m.predict(x) as tf.Tensor).dataSync());
    const loaded = await modelFromFiles(await modelToFiles(m));
    expect(Array.from((loaded.predict(x) as tf.Tensor).dataSync())).toEqual(want);
    tf.dispose(x);
    m.dispose();
    loaded.dispose();
  });
});
