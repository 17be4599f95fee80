/** Tensors and weights the health model trains on: minibatches, class weights, a validation sample. */
import * as tf from '@tensorflow/tfjs';
import { BASELINE_FEATURES } from '../../core/ml/pump/baseline';
import type { HealthWindows } from '../../core/ml/pump/features';
import type { WindowLabels } from '../../core/ml/pump/health-metrics';
import { ANOMALY_COMPONENTS, FAULT_CLASSES, PAST_CHANNELS, WINDOW_LENGTH } from '../../core/ml/pump/spec';

export interface HealthBatch {
  x: tf.Tensor3D;
  xb: tf.Tensor2D;
  an: tf.Tensor2D;
  fo: tf.Tensor2D;
  lr: tf.Tensor1D;
  mask: tf.Tensor1D;
}

function oneHot(cls: Int32Array, idx: Int32Array): tf.Tensor2D {
  return tf.oneHot(
    tf.tensor1d(
      Array.from(idx, (i) => cls[i]!),
      'int32',
    ),
    FAULT_CLASSES.length,
  ) as tf.Tensor2D;
}

/** Inputs and targets of windows `idx`; the RUL target is masked where it is undefined. */
export function healthBatch(w: HealthWindows, l: WindowLabels, idx: Int32Array): HealthBatch {
  const K = ANOMALY_COMPONENTS.length;
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  const n = idx.length;
  const x = new Float32Array(n * per);
  const xb = new Float32Array(n * BASELINE_FEATURES);
  const an = new Float32Array(n * K);
  const lr = new Float32Array(n);
  const mask = new Float32Array(n);
  idx.forEach((i, k) => {
    x.set(w.past.subarray(i * per, (i + 1) * per), k * per);
    xb.set(w.baseline.subarray(i * BASELINE_FEATURES, (i + 1) * BASELINE_FEATURES), k * BASELINE_FEATURES);
    an.set(l.anomaly.subarray(i * K, (i + 1) * K), k * K);
    const y = l.logRul[i]!;
    lr[k] = Number.isFinite(y) ? y : 0;
    mask[k] = Number.isFinite(y) ? 1 : 0;
  });
  return {
    x: tf.tensor3d(x, [n, WINDOW_LENGTH, PAST_CHANNELS]),
    xb: tf.tensor2d(xb, [n, BASELINE_FEATURES]),
    an: tf.tensor2d(an, [n, K]),
    fo: oneHot(l.faultClass, idx),
    lr: tf.tensor1d(lr),
    mask: tf.tensor1d(mask),
  };
}

/** Cross-entropy weight per fault class from the training windows' class counts, mean weight 1 per window. */
export function classWeights(cls: Int32Array, power: number): number[] {
  const K = FAULT_CLASSES.length;
  const n = new Array<number>(K).fill(0);
  cls.forEach((c) => n[c]!++);
  const raw = n.map((c) => (c > 0 ? Math.pow(cls.length / (K * c), power) : 0));
  const mean = n.reduce((a, c, k) => a + c * raw[k]!, 0) / cls.length;
  return raw.map((w) => w / mean);
}

/** At most `limit` window indices spread evenly over `count` windows. */
export function evenlySpacedIndices(count: number, limit: number): Int32Array {
  return Int32Array.from({ length: Math.min(count, limit) }, (_, i) =>
    Math.floor((i * count) / Math.min(count, limit)),
  );
}
