import { i18n } from '../../../i18n/i18n';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import type { SetpointSuggestion } from '../../../../../core/whatif/optimiser';

/** A target counts as missed when the physics ends further from it than 5 % of the tag's normal band width. */
const MISS_SHARE = 0.05;

/** "Discharge flow 204 m3/h (target 250 m3/h)" for each target the suggestion misses at the horizon. */
export function unreachableTargets(
  asset: AssetDefinition,
  suggestion: SetpointSuggestion,
  targets: Record<string, number>,
): string[] {
  const misses: string[] = [];
  for (const [id, target] of Object.entries(targets)) {
    const tag = asset.tags.find((t) => t.id === id);
    const reached = suggestion.predicted.suggested[id];
    if (!tag || reached === undefined || !Number.isFinite(reached)) continue;
    const span = Math.max(tag.normal[1] - tag.normal[0], 1e-9);
    if (Math.abs(reached - target) > MISS_SHARE * span)
      misses.push(
        i18n.t('whatif:suggest.miss', {
          name: tag.name,
          reached: reached.toFixed(tag.decimals),
          unit: tag.unit,
          target,
        }),
      );
  }
  return misses;
}
