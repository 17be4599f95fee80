/**
 * The health model's "why": occlusion by tag. Each measured tag is taken out of the window (its value and
 * every derived channel computed from it set to 0 with mask 0, the model's notion of "no information from
 * this sensor", and likewise the long-baseline deviations of the balances computed from it), and the tags whose removal lowers a component's anomaly score most, in log-odds, explain it.
 * The live app, replay and `npm run eval` all use these functions.
 */
import { BASELINE_FEATURES, baselineFeaturesOfTag } from './baseline';
import { channelsOfTag, PAST_CHANNELS, PAST_VALUE_CHANNELS, PUMP_TAGS, WINDOW_LENGTH } from './spec';

/** Influences kept per component. */
export const WHY_TOP_TAGS = 3;

export interface TagInfluenceScore {
  tagId: string;
  /** Log-odds drop of the component's score when the tag is taken out. */
  weight: number;
  /** The score without the tag. */
  masked: number;
}

/** Takes `tagId` out of one window [WINDOW_LENGTH, PAST_CHANNELS] in place. */
export function occludeTag(window: Float32Array, tagId: string): void {
  const V = PAST_VALUE_CHANNELS.length;
  for (const c of channelsOfTag(tagId))
    for (let s = 0; s < WINDOW_LENGTH; s++) {
      window[s * PAST_CHANNELS + c] = 0;
      window[s * PAST_CHANNELS + V + c] = 0;
    }
}

/** [1 + PUMP_TAGS, WINDOW_LENGTH, PAST_CHANNELS]: the window, then one copy per tag with that tag taken out. */
export function occlusionBatch(window: Float32Array): Float32Array {
  const per = WINDOW_LENGTH * PAST_CHANNELS;
  if (window.length !== per)
    throw new Error(`occlusionBatch: a window has ${per} values, got ${window.length}`);
  const out = new Float32Array((1 + PUMP_TAGS.length) * per);
  out.set(window, 0);
  PUMP_TAGS.forEach((tagId, j) => {
    const copy = out.subarray((1 + j) * per, (2 + j) * per);
    copy.set(window);
    occludeTag(copy, tagId);
  });
  return out;
}

/**
 * [1 + PUMP_TAGS, BASELINE_FEATURES]: a window's long baseline, then one copy per tag (occlusionBatch's order)
 * with the deviations of the balances computed from that tag taken out (deviation 0, flag 0).
 */
export function occlusionBaselineBatch(baseline: Float32Array): Float32Array {
  if (baseline.length !== BASELINE_FEATURES)
    throw new Error(
      `occlusionBaselineBatch: a baseline has ${BASELINE_FEATURES} values, got ${baseline.length}`,
    );
  const out = new Float32Array((1 + PUMP_TAGS.length) * BASELINE_FEATURES);
  out.set(baseline, 0);
  PUMP_TAGS.forEach((tagId, j) => {
    const o = (1 + j) * BASELINE_FEATURES;
    out.set(baseline, o);
    for (const k of baselineFeaturesOfTag(tagId)) out[o + k] = 0;
  });
  return out;
}

/**
 * The occlusion batches of one window's health-model inputs: `past` [WINDOW_LENGTH, PAST_CHANNELS] and its long
 * `baseline` [BASELINE_FEATURES] (empty for a model without that input, and then left empty).
 */
export function occlusionInputs(input: { past: Float32Array; baseline: Float32Array }): {
  past: Float32Array;
  baseline: Float32Array;
} {
  return {
    past: occlusionBatch(input.past),
    baseline: input.baseline.length > 0 ? occlusionBaselineBatch(input.baseline) : input.baseline,
  };
}

/**
 * ln(p / (1 − p)), p clamped to [1e-6, 1 − 1e-6]: a nearly saturated score still shows how much masking a tag
 * weakens it (0.99999 → 0.999 is 4.6 in log-odds, 0.009 in probability), while float32's steps near 1 (about
 * 6e-8) stay below the clamp and cannot pass for an influence.
 */
export function logOdds(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

/**
 * The tags that explain component `a`, largest drop first, from the anomaly output of an occlusion batch
 * ([1 + occluded, components], row 0 the unmasked window, row 1 + j with PUMP_TAGS[j] taken out).
 * Only tags whose removal lowers the score count.
 */
export function rankInfluences(
  anomaly: ArrayLike<number>,
  components: number,
  a: number,
  top = WHY_TOP_TAGS,
): TagInfluenceScore[] {
  const occluded = anomaly.length / components - 1;
  const p = anomaly[a]!;
  const drops: TagInfluenceScore[] = [];
  for (let j = 0; j < occluded; j++) {
    const masked = anomaly[(1 + j) * components + a]!;
    drops.push({ tagId: PUMP_TAGS[j]!, weight: logOdds(p) - logOdds(masked), masked });
  }
  return drops
    .filter((d) => d.weight > 0)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, top);
}
