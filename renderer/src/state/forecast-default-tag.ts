import { alarmDistance } from '../../../core/asset/alarm-distance';
import type { AssetDefinition, TagDefinition } from '../../../core/asset/schema';
import type { LiveForecast } from './forecast-store';
import { valueAtHorizon } from './forecast-values';

/** A prediction matters for a tag with limits to reach; a drive's frequency or a command has none. */
const hasLimits = (t: TagDefinition) => t.alarm !== undefined || t.trip !== undefined;

/**
 * The tag "Predicted value at +H" starts on: among the forecast tags with alarm or trip limits, the one
 * predicted nearest to (or furthest past) its alarm at the horizon; when all are normal or there is no
 * forecast yet, one of the selected part's, else the first such tag. Null when no tag has limits.
 */
export function defaultForecastTag(
  asset: AssetDefinition,
  forecastTagIds: readonly string[],
  forecast: LiveForecast | null,
  horizonMin: number,
  selectedTagIds: readonly string[],
): string | null {
  const candidates = asset.tags.filter((t) => forecastTagIds.includes(t.id) && hasLimits(t));
  let worst: { id: string; distance: number } | null = null;
  for (const t of candidates) {
    const v = valueAtHorizon(forecast, asset.tags.indexOf(t), horizonMin);
    const distance = v === null ? 0 : alarmDistance(t, v);
    if (distance > (worst?.distance ?? 0)) worst = { id: t.id, distance };
  }
  return worst?.id ?? (candidates.find((t) => selectedTagIds.includes(t.id)) ?? candidates[0])?.id ?? null;
}
