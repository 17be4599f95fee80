import { assertSameLength } from './shared';

/**
 * Expected calibration error with `bins` equal-width bins over [0, 1]:
 * ECE = Σ_b (n_b / N) · |mean outcome_b − mean confidence_b|.
 * `confidence[i]` is the predicted probability of an event and `outcome[i]` 1 when it happened,
 * 0 when not: pass P(class 1) and the binary label, or, for a multi-class model, the top-class
 * probability and whether the top class was right. Bin b holds confidences in [b/B, (b+1)/B);
 * 1 falls in the last bin. Empty bins add nothing. NaN for empty input.
 */
export function expectedCalibrationError(
  confidence: ArrayLike<number>,
  outcome: ArrayLike<number>,
  bins = 10,
): number {
  assertSameLength(confidence, outcome, 'expectedCalibrationError');
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`expectedCalibrationError: bins must be an integer ≥ 1, got ${bins}`);
  const n = confidence.length;
  if (n === 0) return Number.NaN;
  const count = new Float64Array(bins);
  const conf = new Float64Array(bins);
  const hits = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const p = confidence[i]!;
    if (!(p >= 0 && p <= 1))
      throw new Error(`expectedCalibrationError: confidence ${p} at ${i} is outside [0, 1]`);
    const b = Math.min(bins - 1, Math.floor(p * bins));
    count[b]!++;
    conf[b]! += p;
    hits[b]! += outcome[i]!;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) if (count[b]! > 0) ece += Math.abs(hits[b]! - conf[b]!) / n;
  return ece;
}
