/**
 * Health model: a TCN over the past window (values + quality masks), joined by the long-baseline features
 * (core/ml/pump/baseline.ts), with three heads —
 * `anomaly` (per-component probability, sigmoid of a Platt-calibrated logit), `fault_type`
 * (softmax over FAULT_CLASSES) and `rul` (mean and log standard deviation of ln(1 + RUL hours)).
 */
import * as tf from '@tensorflow/tfjs';
import { CausalConv1D, LastStep } from '../layers';
import { BASELINE_FEATURES, BASELINE_HOURS } from './baseline';
import { ANOMALY_COMPONENTS, FAULT_CLASSES, PAST_CHANNELS, WINDOW_LENGTH } from './spec';

export interface TcnEncoderConfig {
  filters: number;
  kernelSize: number;
  dilations: number[];
  denseUnits: number;
  seed: number;
}

export const DEFAULT_HEALTH: TcnEncoderConfig = {
  filters: 32,
  kernelSize: 3,
  dilations: [1, 2, 4, 8, 16],
  denseUnits: 64,
  seed: 11,
};

/** Residual dilated causal convolutions → [last step ‖ time average ‖ `extra`] → dense. */
export function tcnEncoder(
  input: tf.SymbolicTensor,
  cfg: TcnEncoderConfig,
  prefix: string,
  extra?: tf.SymbolicTensor,
): tf.SymbolicTensor {
  let seed = cfg.seed * 1000;
  const next = () => ++seed;
  let x = new CausalConv1D({
    filters: cfg.filters,
    kernelSize: 1,
    seed: next(),
    name: `${prefix}_in`,
  }).apply(input) as tf.SymbolicTensor;
  cfg.dilations.forEach((d, i) => {
    const c = new CausalConv1D({
      filters: cfg.filters,
      kernelSize: cfg.kernelSize,
      dilation: d,
      activation: 'relu',
      seed: next(),
      name: `${prefix}_block${i}`,
    }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.add({ name: `${prefix}_add${i}` }).apply([x, c]) as tf.SymbolicTensor;
  });
  const last = new LastStep({ name: `${prefix}_last` }).apply(x) as tf.SymbolicTensor;
  const avg = tf.layers.globalAveragePooling1d({ name: `${prefix}_avg` }).apply(x) as tf.SymbolicTensor;
  const pooled = tf.layers
    .concatenate({ name: `${prefix}_pool` })
    .apply(extra ? [last, avg, extra] : [last, avg]) as tf.SymbolicTensor;
  return tf.layers
    .dense({
      units: cfg.denseUnits,
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: next() }),
      name: `${prefix}_dense`,
    })
    .apply(pooled) as tf.SymbolicTensor;
}

export function buildHealthModel(cfg: TcnEncoderConfig = DEFAULT_HEALTH): tf.LayersModel {
  const input = tf.input({ shape: [WINDOW_LENGTH, PAST_CHANNELS], name: 'past' });
  const baseline = tf.input({ shape: [BASELINE_FEATURES], name: 'baseline' });
  const h = tcnEncoder(input, cfg, 'enc', baseline);
  const init = (k: number) => tf.initializers.glorotUniform({ seed: cfg.seed * 7 + k });
  const logits = tf.layers
    .dense({ units: ANOMALY_COMPONENTS.length, kernelInitializer: init(1), name: 'anomaly_logit' })
    .apply(h) as tf.SymbolicTensor;
  const anomaly = tf.layers
    .activation({ activation: 'sigmoid', name: 'anomaly' })
    .apply(logits) as tf.SymbolicTensor;
  const faultType = tf.layers
    .dense({
      units: FAULT_CLASSES.length,
      activation: 'softmax',
      kernelInitializer: init(2),
      name: 'fault_type',
    })
    .apply(h) as tf.SymbolicTensor;
  const rul = tf.layers
    .dense({ units: 2, kernelInitializer: init(3), name: 'rul' })
    .apply(h) as tf.SymbolicTensor;
  return tf.model({
    inputs: [input, baseline],
    outputs: [anomaly, faultType, rul],
    name: 'pump_health_tcn',
  });
}

export function describeHealth(cfg: TcnEncoderConfig): string {
  return (
    `TCN: 1×1 CausalConv1D(${cfg.filters}) then ${cfg.dilations.length} residual CausalConv1D(k=${cfg.kernelSize}, ` +
    `${cfg.filters} filters, dilation ${cfg.dilations.join('/')}, relu); [last step ‖ time average ‖ ${BASELINE_FEATURES} ${BASELINE_HOURS}-h baseline features] → ` +
    `Dense(${cfg.denseUnits}, relu) → heads anomaly Dense(${ANOMALY_COMPONENTS.length}) + sigmoid (Platt-calibrated), ` +
    `fault_type Dense(${FAULT_CLASSES.length}, softmax), rul Dense(2: mean, log σ of ln(1 + hours)); input ${WINDOW_LENGTH}×${PAST_CHANNELS}`
  );
}

export interface HealthLabels {
  /** [N, components] 0/1 */
  anomaly: Float32Array;
  /** [N] class index */
  faultClass: Int32Array;
  /** [N] ln(1 + hours), NaN where not defined */
  logRul: Float32Array;
}

/**
 * Weighted sum of BCE (anomaly), cross-entropy (fault type, optionally weighted per class) and masked
 * Gaussian NLL (RUL).
 */
export function healthLoss(
  outputs: tf.Tensor[],
  anomaly: tf.Tensor2D,
  faultOneHot: tf.Tensor2D,
  logRul: tf.Tensor1D,
  rulMask: tf.Tensor1D,
  classWeights?: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => {
    const [pAnom, pFault, rul] = outputs as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const eps = 1e-6;
    const pa = tf.clipByValue(pAnom, eps, 1 - eps);
    const bce = tf.neg(
      tf.mean(tf.add(tf.mul(anomaly, tf.log(pa)), tf.mul(tf.sub(1, anomaly), tf.log(tf.sub(1, pa))))),
    );
    const target = classWeights ? tf.mul(faultOneHot, classWeights) : faultOneHot;
    const ce = tf.neg(tf.mean(tf.sum(tf.mul(target, tf.log(tf.clipByValue(pFault, eps, 1))), 1)));
    const [mu, logSigmaRaw] = tf.split(rul, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    const logSigma = tf.clipByValue(tf.reshape(logSigmaRaw, [-1]), -4, 3);
    const z = tf.div(tf.sub(logRul, tf.reshape(mu, [-1])), tf.exp(logSigma));
    const nll = tf.add(tf.mul(0.5, tf.square(z)), logSigma);
    const n = tf.maximum(tf.sum(rulMask), 1);
    const rulTerm = tf.div(tf.sum(tf.mul(nll, rulMask)), n);
    return tf.addN([tf.mul(bce, 3), ce, tf.mul(rulTerm, 0.5)]) as tf.Scalar;
  });
}
