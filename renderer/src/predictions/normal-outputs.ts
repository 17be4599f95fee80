/**
 * A normal-behaviour model's verdict on one row turned into what the scene and panels read: a colour score
 * per part on the "Anomaly probability" scale, and the tags driving the score.
 */
import type { AssetDefinition } from '../../../core/asset/schema';
import type { NormalRowVerdict } from '../inference/normal-api';
import { normalWhy } from '../../../core/ml/normal/why';
import type { HealthOutputs, TagInfluence } from '../state/prediction-store';

/**
 * Colour score (0..1) of a deviation `z` against the alarm threshold: grey (≤ 0.05, the scale's grey band)
 * up to half the threshold, rising to 0.5 at the threshold — the middle of the scale — and to 1 at twice
 * the threshold. So normal running stays ISA-101 grey and the threshold is one clear point on the colormap.
 */
export function normalColorScore(z: number, threshold: number): number {
  if (!Number.isFinite(z) || !(threshold > 0)) return Number.NaN;
  const r = Math.abs(z) / threshold;
  if (r <= 0.5) return 0.1 * r;
  if (r <= 1) return 0.05 + 0.9 * (r - 0.5);
  return Math.min(1, 0.5 + 0.5 * (r - 1));
}

export { normalWhy, WHY_MAX_TAGS, WHY_MIN_RATIO } from '../../../core/ml/normal/why';

/**
 * Per asset component (asset order): the colour score of its most deviating model tag (NaN for a part with
 * no scored tag, which stays grey) and, for every part, the asset-wide "why".
 */
export function normalOutputs(
  asset: AssetDefinition,
  tagIds: readonly string[],
  verdict: NormalRowVerdict,
  threshold: number,
): Pick<HealthOutputs, 'anomaly' | 'influences'> & { why: TagInfluence[] } {
  const column = new Map(tagIds.map((id, j) => [id, j] as const));
  const anomaly = new Float32Array(asset.components.length).fill(Number.NaN);
  asset.components.forEach((c, i) => {
    let worst = Number.NaN;
    for (const tag of c.tags) {
      const j = column.get(tag);
      const z = j === undefined ? Number.NaN : Math.abs(verdict.contributions[j] ?? Number.NaN);
      if (Number.isFinite(z) && !(z <= worst)) worst = z;
    }
    anomaly[i] = normalColorScore(worst, threshold);
  });
  const why = normalWhy(tagIds, verdict.contributions, threshold, verdict.alarm);
  return { anomaly, influences: asset.components.map(() => why), why };
}

/** The part carrying a tag, or null. */
export function componentOfTag(asset: AssetDefinition, tagId: string | undefined): string | null {
  if (!tagId) return null;
  return asset.components.find((c) => c.tags.includes(tagId))?.id ?? null;
}
