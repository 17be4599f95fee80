/**
 * Post-training calibration of the health model, fitted on the validation split and folded into its
 * last layers so the served model needs no extra code: Platt scaling of each anomaly logit, and one
 * additive log-prior offset per fault class that makes the arg-max decision balance the classes
 * (macro-F1) instead of favouring the ones the training windows over-represent.
 */
import * as tf from '@tensorflow/tfjs';
import { macroF1 } from '../metrics';
import { argmaxRows } from './health-metrics';
import { FAULT_CLASSES } from './spec';

/** Folds Platt scaling of each component into the `anomaly_logit` dense layer. */
export function foldPlatt(model: tf.LayersModel, platt: readonly { a: number; b: number }[]): void {
  const layer = model.getLayer('anomaly_logit');
  const [w, b] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const a = tf.tensor1d(platt.map((p) => p.a));
  const c = tf.tensor1d(platt.map((p) => p.b));
  const w2 = tf.mul(w, a);
  const b2 = tf.add(tf.mul(b, a), c);
  layer.setWeights([w2, b2]);
  [a, c, w2, b2].forEach((t) => t.dispose());
}

/** Adds `offsets` to the bias of the `fault_type` softmax layer: probabilities ∝ p·exp(offset). */
export function foldClassOffsets(model: tf.LayersModel, offsets: readonly number[]): void {
  const layer = model.getLayer('fault_type');
  const [w, b] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const d = tf.tensor1d([...offsets]);
  const b2 = tf.add(b, d);
  layer.setWeights([w, b2]);
  [d, b2].forEach((t) => t.dispose());
}

const GRID = Array.from({ length: 25 }, (_, i) => -3 + i * 0.25);

/**
 * Log-prior offsets (healthy fixed at 0) that maximise macro-F1 of arg-max(ln p + offset) on
 * `probs` [count, FAULT_CLASSES]: coordinate ascent over a 0.25 grid in [−3, 3], three passes; a
 * change must gain at least `minGain` so noise in a small validation split does not move it.
 */
export function fitClassOffsets(
  probs: Float32Array,
  labels: Int32Array,
  count: number,
  minGain = 0.002,
): { offsets: number[]; macroF1Before: number; macroF1After: number } {
  const K = FAULT_CLASSES.length;
  const classes = FAULT_CLASSES.map((_, k) => k);
  const logp = Float32Array.from(probs.subarray(0, count * K), (p) => Math.log(Math.max(p, 1e-9)));
  const shifted = new Float32Array(logp.length);
  const score = (off: readonly number[]) => {
    for (let i = 0; i < count; i++)
      for (let k = 0; k < K; k++) shifted[i * K + k] = logp[i * K + k]! + off[k]!;
    return macroF1(argmaxRows(shifted, count, K), labels, classes);
  };
  const offsets = new Array<number>(K).fill(0);
  const before = score(offsets);
  let best = before;
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (let k = 1; k < K; k++) {
      const keep = offsets[k]!;
      let bestD = keep;
      for (const d of GRID) {
        offsets[k] = d;
        const s = score(offsets);
        if (s > best + minGain || (s > best && d === 0)) {
          best = s;
          bestD = d;
        }
      }
      offsets[k] = bestD;
      if (bestD !== keep) moved = true;
    }
    if (!moved) break;
  }
  return { offsets, macroF1Before: before, macroF1After: best };
}
