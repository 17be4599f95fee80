import type { SceneFeed } from '../../../scene/scene-feed';
import { previewFrames } from '../preview-frames';
import { hoverText } from './hover-text';

/** The what-if's part of the 3D view: "do nothing" for the change coloring, and the tooltip naming a part's change. */
export const whatIfSceneFeed: SceneFeed = {
  deltaBaseline: () => previewFrames()?.baseline ?? null,
  hoverText,
};
