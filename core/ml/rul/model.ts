/**
 * Small temporal convolutional network (TCN) for remaining-useful-life regression: residual blocks
 * of two dilated causal convolutions (dilations 1, 2, 4, 8, …), then the last step and the time
 * average of the final sequence, a dense layer, and three outputs — the 10 % quantile, the mean
 * and the 90 % quantile of RUL / cap.
 */
import * as tf from '@tensorflow/tfjs';
import { CausalConv1D, LastStep } from '../layers/causal-conv1d';

export interface TcnConfig {
  /** 'tcn' (default) or 'trend-mlp' (core/ml/rul/trend-mlp.ts; ignores the convolution fields). */
  arch?: RulArch;
  /** Hidden layers of the trend MLP (default 2). */
  hiddenLayers?: number;
  windowLength: number;
  features: number;
  filters: number;
  kernelSize: number;
  dilations: number[];
  /** Causal convolutions per residual block (1 or 2). */
  convsPerBlock: number;
  denseUnits: number;
  dropout: number;
  seed: number;
}

export const DEFAULT_TCN: Omit<TcnConfig, 'windowLength' | 'features' | 'seed'> = {
  filters: 32,
  kernelSize: 3,
  dilations: [1, 2, 4, 8],
  convsPerBlock: 1,
  denseUnits: 64,
  dropout: 0.2,
};

export type RulArch = 'tcn' | 'trend-mlp';

/** Output columns of the model, in order. */
export const RUL_OUTPUTS = ['q10', 'mean', 'q90'] as const;
export const RUL_QUANTILES = [0.1, 0.9] as const;

/**
 * The TCN applied to `input`, its layer names prefixed with `prefix` (so several branches can live
 * in one model); returns the [B, 3] output.
 */
export function tcnBranch(input: tf.SymbolicTensor, cfg: TcnConfig, prefix = ''): tf.SymbolicTensor {
  let seed = cfg.seed * 1000;
  const next = () => ++seed;
  const n = (name: string) => prefix + name;
  let x: tf.SymbolicTensor = input;
  let channels = cfg.features;
  cfg.dilations.forEach((d, i) => {
    let c: tf.SymbolicTensor = x;
    for (let j = 0; j < cfg.convsPerBlock; j++) {
      c = new CausalConv1D({
        filters: cfg.filters,
        kernelSize: cfg.kernelSize,
        dilation: d,
        activation: j === cfg.convsPerBlock - 1 ? 'linear' : 'relu',
        seed: next(),
        name: n(`block${i}_conv${j + 1}`),
      }).apply(c) as tf.SymbolicTensor;
    }
    const skip =
      channels === cfg.filters
        ? x
        : (new CausalConv1D({
            filters: cfg.filters,
            kernelSize: 1,
            seed: next(),
            name: n(`block${i}_proj`),
          }).apply(x) as tf.SymbolicTensor);
    x = tf.layers.add({ name: n(`block${i}_add`) }).apply([c, skip]) as tf.SymbolicTensor;
    x = tf.layers.activation({ activation: 'relu', name: n(`block${i}_relu`) }).apply(x) as tf.SymbolicTensor;
    channels = cfg.filters;
  });
  const last = new LastStep({ name: n('last_step') }).apply(x) as tf.SymbolicTensor;
  const avg = tf.layers.globalAveragePooling1d({ name: n('time_avg') }).apply(x) as tf.SymbolicTensor;
  let h = tf.layers.concatenate({ name: n('pool') }).apply([last, avg]) as tf.SymbolicTensor;
  h = tf.layers
    .dense({
      units: cfg.denseUnits,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: next() }),
      name: n('dense'),
    })
    .apply(h) as tf.SymbolicTensor;
  if (cfg.dropout > 0)
    h = tf.layers
      .dropout({ rate: cfg.dropout, seed: next(), name: n('dropout') })
      .apply(h) as tf.SymbolicTensor;
  return rulHead(h, next(), n('rul'));
}

/** The output layer of every RUL network: Dense(3) → q10, mean, q90 of RUL / cap. */
export function rulHead(h: tf.SymbolicTensor, seed: number, name: string): tf.SymbolicTensor {
  return tf.layers
    .dense({
      units: RUL_OUTPUTS.length,
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
      name,
    })
    .apply(h) as tf.SymbolicTensor;
}

export function windowInput(cfg: Pick<TcnConfig, 'windowLength' | 'features'>): tf.SymbolicTensor {
  return tf.input({ shape: [cfg.windowLength, cfg.features], name: 'window' });
}

/** One TCN as a model; `prefix` names its layers as the matching branch of an ensemble. */
export function buildTcn(cfg: TcnConfig, prefix = ''): tf.LayersModel {
  const input = windowInput(cfg);
  return tf.model({ inputs: input, outputs: tcnBranch(input, cfg, prefix), name: 'turbofan_tcn' });
}

/** One-line architecture summary for the model card. */
export function describeTcn(cfg: TcnConfig): string {
  return (
    `TCN: ${cfg.dilations.length} residual blocks × ${cfg.convsPerBlock} CausalConv1D(k=${cfg.kernelSize}, ${cfg.filters} filters, ` +
    `dilation ${cfg.dilations.join('/')}) + ReLU, 1×1 projection on the first skip; ` +
    `[last step ‖ time average] → Dense(${cfg.denseUnits}, relu) → Dropout(${cfg.dropout}) → Dense(3: q10, mean, q90) of RUL/cap; ` +
    `input ${cfg.windowLength}×${cfg.features}, receptive field ${1 + cfg.convsPerBlock * (cfg.kernelSize - 1) * cfg.dilations.reduce((a, b) => a + b, 0)} cycles`
  );
}

/**
 * Loss on scaled targets y = RUL / cap ([B, 1]) and outputs [B, 3]: squared error of the mean
 * column plus pinball loss of the two quantile columns.
 */
export function rulLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const [q10, mean, q90] = tf.split(yPred, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
    const mse = tf.mean(tf.square(tf.sub(mean, yTrue)));
    const pinball = (q: tf.Tensor, tau: number) => {
      const e = tf.sub(yTrue, q);
      return tf.mean(tf.maximum(tf.mul(e, tau), tf.mul(e, tau - 1)));
    };
    return tf.addN([mse, pinball(q10, RUL_QUANTILES[0]), pinball(q90, RUL_QUANTILES[1])]) as tf.Scalar;
  });
}

export interface RulPrediction {
  /** Point estimate (mean head), cycles, clipped at 0. */
  mean: Float32Array;
  q10: Float32Array;
  q90: Float32Array;
}

/** Predicts RUL (cycles) for [N, W, F] windows, in batches, leaving no tensors behind. */
export function predictRul(
  model: tf.LayersModel,
  x: Float32Array,
  count: number,
  windowLength: number,
  features: number,
  rulCap: number,
  batchSize = 1024,
): RulPrediction {
  const mean = new Float32Array(count);
  const q10 = new Float32Array(count);
  const q90 = new Float32Array(count);
  const stride = windowLength * features;
  for (let s = 0; s < count; s += batchSize) {
    const n = Math.min(batchSize, count - s);
    // Read the data outside tidy: tidy walks every element of a returned typed array.
    const y = tf.tidy(() => {
      const xb = tf.tensor3d(x.subarray(s * stride, (s + n) * stride), [n, windowLength, features]);
      return model.predict(xb) as tf.Tensor;
    });
    const out = y.dataSync();
    y.dispose();
    for (let i = 0; i < n; i++) {
      q10[s + i] = Math.max(0, out[i * 3]! * rulCap);
      mean[s + i] = Math.max(0, out[i * 3 + 1]! * rulCap);
      q90[s + i] = Math.max(0, out[i * 3 + 2]! * rulCap);
    }
  }
  return { mean, q10, q90 };
}
