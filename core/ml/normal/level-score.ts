import { gaussianEquivalent } from './gaussian-tail';
import type { NormalModel, NormalTagModel } from './model';

/**
 * Spread of a `count`-row mean of the tag around its training mean in normal running, as a variance:
 * noise of the window mean sd²·min(1, τ/count), uncertainty of the training mean sd²·τ/N, and the allowed
 * level wander (a·sd)². τ is the autocorrelation time: a slow tag's window mean averages little noise away.
 */
export function windowMeanVariance(tag: NormalTagModel, count: number, model: NormalModel): number {
  const tau = tag.autocorrelationRows;
  const noise = Math.min(1, tau / count);
  const meanUncertainty = tau / model.trainingRows;
  return tag.sd * tag.sd * (noise + meanUncertainty + model.levelWander * model.levelWander);
}

/**
 * Signed Gaussian-equivalent deviation of one tag's window mean: the t statistic (mean − training mean) /
 * spread, read against a t-distribution with the tag's degrees of freedom and mapped to the z with the same
 * tail probability. A tag seen through few independent samples (a slow temperature) needs a far larger t
 * for the same z, so a level its training rows could not pin down does not pass for an anomaly.
 * 0 for a tag that is not scored or has no value in the window.
 */
export function tagDeviation(
  tag: NormalTagModel,
  windowMean: number,
  count: number,
  model: NormalModel,
): number {
  if (!tag.scored || count === 0 || !Number.isFinite(windowMean)) return 0;
  const t = (windowMean - tag.mean) / Math.sqrt(windowMeanVariance(tag, count, model));
  return Math.sign(t) * gaussianEquivalent(t, tag.dof);
}

/**
 * Per-tag deviations of one window (written into `contributions`, signed, in model tag order) and the row
 * score: the largest absolute deviation, so the score is in the same z units as each tag's contribution
 * and the top contributor is the tag that raised it.
 */
export function scoreWindow(
  model: NormalModel,
  means: ArrayLike<number>,
  counts: ArrayLike<number>,
  contributions: Float64Array,
): number {
  let score = 0;
  model.tags.forEach((tag, j) => {
    const z = tagDeviation(tag, means[j]!, counts[j]!, model);
    contributions[j] = z;
    score = Math.max(score, Math.abs(z));
  });
  return score;
}
