/** Tags shown as driving the score: those at least this share of the threshold away from normal. */
export const WHY_MIN_RATIO = 0.5;
/** At most this many tags in a "why". */
export const WHY_MAX_TAGS = 4;

export interface WhyTag {
  tagId: string;
  /** |z| / threshold. */
  weight: number;
}

/**
 * The tags driving a normal-behaviour model's score, strongest first, each weighted by |z| / threshold; at
 * least the strongest one when the row is in alarm, so an alarm always names a tag. Shared by the backend's
 * predictive alarm and the renderer's panels.
 */
export function normalWhy(
  tagIds: readonly string[],
  contributions: ArrayLike<number>,
  threshold: number,
  alarm: boolean,
): WhyTag[] {
  const ranked = tagIds
    .map((tagId, j) => ({ tagId, weight: Math.abs(contributions[j] ?? Number.NaN) / threshold }))
    .filter((w) => Number.isFinite(w.weight))
    .sort((a, b) => b.weight - a.weight);
  const shown = ranked.filter((w) => w.weight >= WHY_MIN_RATIO).slice(0, WHY_MAX_TAGS);
  return shown.length === 0 && alarm ? ranked.slice(0, 1) : shown;
}
