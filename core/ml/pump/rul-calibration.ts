/**
 * Calibration of the health model's RUL spread on validation: one offset added to log σ of ln(1 + hours),
 * chosen so that the ±1σ interval holds the true time to the first trip in 68.3 % of the validation windows
 * with a known RUL, then folded into the `rul` layer's bias (the served model outputs calibrated intervals).
 */
import * as tf from '@tensorflow/tfjs';

/** Share of a calibrated Gaussian's mass within ±1σ. */
export const ONE_SIGMA_COVERAGE = 0.6827;
const LOG_SIGMA_MIN = -4;
const LOG_SIGMA_MAX = 3;
const OFFSETS = Array.from({ length: 61 }, (_, i) => -1.5 + i * 0.05);

/** σ of ln(1 + hours) from the model's log σ output, clamped as every reader of it clamps. */
export function rulSigma(logSigma: number): number {
  return Math.exp(Math.min(LOG_SIGMA_MAX, Math.max(LOG_SIGMA_MIN, logSigma)));
}

/**
 * Share of windows whose true ln(1 + RUL) lies within ±1σ of the prediction, with `offset` added to log σ;
 * `rul` is the model's [count, 2] output (μ, log σ), `logRul` the labels (NaN where no RUL is defined) and
 * `faultClass` the class labels (healthy windows are left out).
 */
export function rulCoverage(
  rul: Float32Array,
  logRul: Float32Array,
  faultClass: Int32Array,
  count: number,
  offset = 0,
): number {
  let windows = 0;
  let inside = 0;
  for (let i = 0; i < count; i++) {
    const y = logRul[i]!;
    if (!Number.isFinite(y) || faultClass[i] === 0) continue;
    windows++;
    if (Math.abs(y - rul[i * 2]!) <= rulSigma(rul[i * 2 + 1]! + offset)) inside++;
  }
  return windows > 0 ? inside / windows : Number.NaN;
}

/** The log σ offset on a 0.05 grid in [−1.5, 1.5] whose ±1σ coverage is nearest 68.3 %. */
export function fitRulSigmaOffset(
  rul: Float32Array,
  logRul: Float32Array,
  faultClass: Int32Array,
  count: number,
): { offset: number; coverageBefore: number; coverageAfter: number } {
  let best = 0;
  let bestGap = Infinity;
  for (const d of OFFSETS) {
    const gap = Math.abs(rulCoverage(rul, logRul, faultClass, count, d) - ONE_SIGMA_COVERAGE);
    if (gap < bestGap - 1e-9) {
      bestGap = gap;
      best = Math.round(d * 100) / 100;
    }
  }
  return {
    offset: best,
    coverageBefore: rulCoverage(rul, logRul, faultClass, count, 0),
    coverageAfter: rulCoverage(rul, logRul, faultClass, count, best),
  };
}

/** Adds `offset` to the log σ unit of the `rul` layer's bias. */
export function foldRulSigmaOffset(model: tf.LayersModel, offset: number): void {
  const layer = model.getLayer('rul');
  const [w, b] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const d = tf.tensor1d([0, offset]);
  const b2 = tf.add(b, d);
  layer.setWeights([w, b2]);
  [d, b2].forEach((t) => t.dispose());
}
