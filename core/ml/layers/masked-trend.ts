/**
 * Per-channel trend of a window whose last channel marks the real rows (1) against padding (0): the last
 * value, the mean over the real rows and the least-squares change across the window (slope × window length,
 * fitted on the real rows only). A short history is padded to the window length, and a fixed linear summary
 * would mix the padding into the mean and slope; this layer does not. Stateless, differentiable, a handful of
 * element-wise ops and sums (WebGPU-friendly).
 *
 * Input [B, W, C + 1] → output [B, 3 · C] as [last (C) ‖ mean (C) ‖ change (C)].
 */
import * as tf from '@tensorflow/tfjs';

export class MaskedTrend extends tf.layers.Layer {
  static readonly className = 'MaskedTrend';
  constructor(args: { name?: string } = {}) {
    super(args.name !== undefined ? { name: args.name } : {});
  }
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const channels = (shape[2] ?? 1) - 1;
    return [shape[0] ?? null, 3 * channels];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const input = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [b, w, c1] = input.shape;
      const c = c1 - 1;
      const x = tf.slice(input, [0, 0, 0], [b, w, c]);
      const m = tf.slice(input, [0, 0, c], [b, w, 1]);
      const n = tf.maximum(tf.sum(m, 1, true), 1); // [B, 1, 1]
      const t = tf.reshape(tf.range(0, w, 1, 'float32'), [1, w, 1]);
      const tMean = tf.div(tf.sum(tf.mul(m, t), 1, true), n);
      const xMean = tf.div(tf.sum(tf.mul(m, x), 1, true), n); // [B, 1, C]
      const dt = tf.mul(m, tf.sub(t, tMean)); // [B, W, 1], 0 on padding
      const cov = tf.sum(tf.mul(dt, tf.sub(x, xMean)), 1); // [B, C]
      const varT = tf.maximum(tf.sum(tf.mul(dt, dt), 1), 1e-6); // [B, 1]
      const change = tf.mul(tf.div(cov, varT), w);
      const last = tf.reshape(tf.slice(x, [0, w - 1, 0], [b, 1, c]), [b, c]);
      return tf.concat([last, tf.reshape(xMean, [b, c]), change], 1);
    });
  }
}
tf.serialization.registerClass(MaskedTrend);
