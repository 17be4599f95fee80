import { i18n } from '../../../i18n/i18n';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { viewStore } from '../../../state/view-store';
import { compareStore } from '../../../state/compare-store';
import { previewFrames } from '../preview-frames';
import { componentDelta, DELTA_GREY, emptyDelta } from '../../../scene/paint/whatif-delta';
import type { SceneComponent } from '../../../scene/bind-components';
import { partName } from '../../../scene/scene-feed';
import { describeChange } from './change-text';
import { formatAfterFork } from './compare-format';

const scratch = emptyDelta();

/**
 * Tooltip of a part: its name, and while a what-if is shown by change or side by side, the tag that moves most
 * against doing nothing at the preview time.
 */
export function hoverText(
  comp: SceneComponent | undefined,
  asset: AssetDefinition | null,
  spans: Float32Array,
): string {
  if (!comp) return '';
  const frames = previewFrames();
  const showsChange = viewStore.getState().colorBy.mode === 'whatif-delta' || compareStore.getState().active;
  const part = partName(comp, asset);
  if (!frames || !asset || !showsChange) return part;
  const at = formatAfterFork(frames.minutes);
  const d = componentDelta(comp.tagIndices, spans, frames.baseline, frames.scenario, scratch);
  const tag = asset.tags[d.tagIndex];
  if (!tag || d.score <= DELTA_GREY) return i18n.t('whatif:compare.hoverNoChange', { part, at });
  const change = describeChange(tag, frames.baseline[d.tagIndex]!, frames.scenario[d.tagIndex]!, d.score);
  return i18n.t('whatif:compare.hoverChange', { part, at, change });
}
