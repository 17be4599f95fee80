import type { AssetDefinition } from '../../../core/asset/schema';
import { PUMP_TAGS } from '../../../core/ml/pump/spec';

/** Folder of the asset's forecaster under the models base URL, or null when it has none. */
export function forecasterPath(asset: AssetDefinition): string | null {
  const bound = asset.models.find((m) => m.kind === 'forecaster');
  if (bound) return bound.path.replace(/\/?$/, '/');
  // Trained on the simulator's tags: any asset carrying all of them can use it.
  const ids = new Set(asset.tags.map((t) => t.id));
  return PUMP_TAGS.every((id) => ids.has(id)) ? 'pump-skid/forecaster/' : null;
}
