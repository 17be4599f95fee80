/**
 * Forecaster: TCN encoder of the past window → context; a causal convolution stack over the planned
 * setpoints (so flow and power follow a speed change at once and temperatures with their lag) mixed
 * with the context; a per-step dense layer gives the change of every tag from its last past value,
 * and a fixed selection adds that last value back: output `forecast` is [N, HORIZON, PUMP_TAGS] in
 * z units of the model's normalization.
 */
import * as tf from '@tensorflow/tfjs';
import { CausalConv1D, LastStep } from '../layers';
import { tcnEncoder, type TcnEncoderConfig } from './health-model';
import { FUTURE_CHANNELS, HORIZON, PAST_CHANNELS, PUMP_TAGS, WINDOW_LENGTH } from './spec';

export interface ForecasterConfig extends TcnEncoderConfig {
  decoderFilters: number;
  decoderDilations: number[];
}

export const DEFAULT_FORECASTER: ForecasterConfig = {
  filters: 32,
  kernelSize: 3,
  dilations: [1, 2, 4, 8],
  denseUnits: 64,
  decoderFilters: 32,
  decoderDilations: [1, 2, 4, 8],
  seed: 23,
};

export function buildForecaster(cfg: ForecasterConfig = DEFAULT_FORECASTER): tf.LayersModel {
  const past = tf.input({ shape: [WINDOW_LENGTH, PAST_CHANNELS], name: 'past' });
  const future = tf.input({ shape: [HORIZON, FUTURE_CHANNELS], name: 'future' });
  const context = tcnEncoder(past, cfg, 'enc');
  const repeated = tf.layers
    .repeatVector({ n: HORIZON, name: 'context_repeat' })
    .apply(context) as tf.SymbolicTensor;
  let x = tf.layers.concatenate({ name: 'dec_in' }).apply([repeated, future]) as tf.SymbolicTensor;
  let seed = cfg.seed * 500;
  x = new CausalConv1D({ filters: cfg.decoderFilters, kernelSize: 1, seed: ++seed, name: 'dec_proj' }).apply(
    x,
  ) as tf.SymbolicTensor;
  cfg.decoderDilations.forEach((d, i) => {
    const c = new CausalConv1D({
      filters: cfg.decoderFilters,
      kernelSize: cfg.kernelSize,
      dilation: d,
      activation: 'relu',
      seed: ++seed,
      name: `dec_block${i}`,
    }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.add({ name: `dec_add${i}` }).apply([x, c]) as tf.SymbolicTensor;
  });
  const delta = new CausalConv1D({
    filters: PUMP_TAGS.length,
    kernelSize: 1,
    seed: ++seed,
    name: 'delta',
  }).apply(x) as tf.SymbolicTensor;
  // Last past value of each tag: the first PUMP_TAGS channels of the last step, via a frozen selection.
  const lastAll = new LastStep({ name: 'past_last' }).apply(past) as tf.SymbolicTensor;
  const lastTags = tf.layers
    .dense({ units: PUMP_TAGS.length, useBias: false, trainable: false, name: 'select_tags' })
    .apply(lastAll) as tf.SymbolicTensor;
  const lastRep = tf.layers
    .repeatVector({ n: HORIZON, name: 'last_repeat' })
    .apply(lastTags) as tf.SymbolicTensor;
  const forecast = tf.layers.add({ name: 'forecast' }).apply([lastRep, delta]) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [past, future], outputs: forecast, name: 'pump_forecaster' });
  const sel = tf.buffer([PAST_CHANNELS, PUMP_TAGS.length], 'float32');
  for (let j = 0; j < PUMP_TAGS.length; j++) sel.set(1, j, j);
  model.getLayer('select_tags').setWeights([sel.toTensor()]);
  // Start from persistence: the change head begins at zero.
  const deltaLayer = model.getLayer('delta');
  deltaLayer.setWeights(deltaLayer.getWeights().map((w) => tf.zerosLike(w)));
  return model;
}

export function describeForecaster(cfg: ForecasterConfig): string {
  return (
    `past TCN encoder (1×1 + ${cfg.dilations.length} residual CausalConv1D k=${cfg.kernelSize}, ${cfg.filters} filters, ` +
    `dilation ${cfg.dilations.join('/')}; Dense(${cfg.denseUnits})) repeated over the horizon ‖ planned setpoints → ` +
    `${cfg.decoderDilations.length} residual CausalConv1D(k=${cfg.kernelSize}, ${cfg.decoderFilters} filters, dilation ` +
    `${cfg.decoderDilations.join('/')}) → 1×1 CausalConv1D(${PUMP_TAGS.length}) change + last past value; ` +
    `inputs past ${WINDOW_LENGTH}×${PAST_CHANNELS}, future ${HORIZON}×${FUTURE_CHANNELS}; output ${HORIZON}×${PUMP_TAGS.length}`
  );
}

/** Masked mean squared error in z units. */
export function forecastLoss(pred: tf.Tensor, target: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const e = tf.mul(tf.square(tf.sub(pred, target)), mask);
    return tf.div(tf.sum(e), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}
