import type { AssetDefinition } from '../../../core/asset/schema';
import type { SceneComponent } from './bind-components';

/** What the features give the generic scene: the change coloring's reference and the part tooltips. */
export interface SceneFeed {
  /** "Do nothing" at the preview time, for 'whatif-delta'; null when nothing is previewed. Called per frame. */
  deltaBaseline(): Float32Array | null;
  /**
   * Tooltip text of the part under the pointer ('' for none); `asset` carries the names in the active language
   * (localizeAsset).
   */
  hoverText(comp: SceneComponent | undefined, asset: AssetDefinition | null, spans: Float32Array): string;
}

/** The part's name as `asset` gives it (the active language's), else as bound to the model. */
export const partName = (comp: SceneComponent, asset: AssetDefinition | null): string =>
  asset?.components.find((c) => c.id === comp.id)?.name ?? comp.name;

/** The scene on its own: no change coloring, the part's name as its tooltip. */
export const PLAIN_SCENE_FEED: SceneFeed = {
  deltaBaseline: () => null,
  hoverText: (comp, asset) => (comp ? partName(comp, asset) : ''),
};
